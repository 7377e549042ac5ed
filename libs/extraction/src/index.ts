export { RuleBasedClauseExtractor } from './lib/clause-extractor';
export { extractAgreement } from './lib/extract-agreement';
export { sameDuration } from './lib/durations';
export { OBLIGATION_CATEGORIES } from './lib/types';
export type {
  AnchorType,
  ClauseExtractor,
  ClauseExtractorInput,
  ContractTerm,
  Deadline,
  DeadlineAnchor,
  DeadlineKind,
  ExtractionOptions,
  ExtractionResult,
  IncompleteDates,
  Obligation,
  ObligationCategory,
} from './lib/types';
