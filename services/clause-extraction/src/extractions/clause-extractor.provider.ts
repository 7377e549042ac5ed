import { RuleBasedClauseExtractor } from '@dealwatch/extraction';
import type { ClauseExtractor } from '@dealwatch/extraction';

/** The engine behind an interface, so a newer one can replace it without touching the service. */
export const CLAUSE_EXTRACTOR = Symbol('CLAUSE_EXTRACTOR');

export const clauseExtractorProvider = {
  provide: CLAUSE_EXTRACTOR,
  useFactory: (): ClauseExtractor => new RuleBasedClauseExtractor(),
};
