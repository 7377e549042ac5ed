import type {
  AgreementIngestedV1,
  ClausesExtractedV1,
  ExtractedObligationV1,
} from '@dealwatch/contracts';
import type { ExtractionResult, Obligation } from '@dealwatch/extraction';

import { createHash } from 'node:crypto';

/**
 * A key for an obligation that survives re-extraction: the same sentence at the same place in the
 * same text gets the same key, whichever engine version found it.
 */
export function obligationKeyOf(obligation: Pick<Obligation, 'span' | 'text'>): string {
  return createHash('sha256')
    .update(`${obligation.span[0]}:${obligation.span[1]}:${obligation.text}`)
    .digest('hex')
    .slice(0, 32);
}

export function toClausesExtracted(
  agreement: AgreementIngestedV1,
  result: ExtractionResult,
  run: { extractionId: string; extractorVersion: string; extractedAt: Date },
): ClausesExtractedV1 {
  return {
    agreementId: agreement.agreementId,
    extractionId: run.extractionId,
    extractorVersion: run.extractorVersion,
    extractedAt: run.extractedAt.toISOString(),
    title: agreement.title ?? result.title,
    publishedAt: agreement.publishedAt ?? result.publishedAt,
    signedAt: agreement.signedAt ?? result.signedAt,
    effectiveAt: result.effectiveAt ?? result.entryIntoForceAt,
    parties: result.parties,
    obligations: result.obligations.map(toObligation),
  };
}

function toObligation(obligation: Obligation): ExtractedObligationV1 {
  const { deadline } = obligation;
  return {
    obligationKey: obligationKeyOf(obligation),
    text: obligation.text,
    span: obligation.span,
    actors: obligation.actors,
    action: obligation.action,
    category: obligation.category,
    binding: obligation.binding,
    confidence: obligation.confidence,
    deadline: deadline && {
      expression: deadline.expression,
      kind: deadline.kind,
      dueDate: deadline.dueDate,
      duration: deadline.duration ?? null,
      businessDays: deadline.businessDays ?? null,
      relation: deadline.relation ?? null,
      recurrence: deadline.recurrence ?? null,
      rule: deadline.rule,
      anchor: {
        type: deadline.anchor.type,
        date: deadline.anchor.date ?? null,
        ref: deadline.anchor.ref ?? null,
      },
    },
  };
}
