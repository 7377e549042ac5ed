import { extractAgreement } from './extract-agreement';
import type { ClauseExtractor, ClauseExtractorInput, ExtractionResult } from './types';

/** The rule-based extractor the clause-extraction service runs. */
export class RuleBasedClauseExtractor implements ClauseExtractor {
  readonly version = 'rules-1.0.0';

  extract(input: ClauseExtractorInput): ExtractionResult {
    return extractAgreement(input.text, {
      publishedAt: input.publishedAt ?? null,
      signedAt: input.signedAt ?? null,
      title: input.title ?? null,
    });
  }
}
