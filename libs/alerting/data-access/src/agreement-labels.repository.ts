import { distinctRounds } from '@dealwatch/persistence';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What an extraction says that routes can match on. */
export interface ExtractionLabels {
  agreementId: string;
  extractedAt: Date;
  parties: readonly string[];
  obligations: readonly { obligationKey: string; binding: boolean }[];
}

/** What alerting knows of an alert's agreement and obligation; nothing before an extraction. */
export interface KnownLabels {
  parties: string[];
  binding: boolean | null;
}

/**
 * The `party` and `binding` labels of alerts, kept from the events that carry them: the parties
 * and obligations of an agreement's extraction, and the obligation each milestone tracks. The
 * newest extraction wins, whatever order its events arrive in.
 */
@Injectable()
export class AgreementLabelsRepository {
  /**
   * The labels of a run of extractions, one statement for both tables per round (an agreement
   * extracted twice in the run goes in two, in order). An obligation listed twice in one
   * extraction keeps its last mention, as the scheduler does.
   */
  async recordExtractions(
    manager: EntityManager,
    extractions: readonly ExtractionLabels[],
  ): Promise<void> {
    for (const round of distinctRounds(extractions, (extraction) => extraction.agreementId)) {
      const obligations = round.flatMap((extraction) =>
        lastMentions(extraction.obligations).map((obligation) => ({ ...obligation, extraction })),
      );
      await manager.query(
        `WITH agreements AS (
           INSERT INTO agreement_labels (agreement_id, parties, extracted_at)
           SELECT e.agreement_id, ARRAY(SELECT jsonb_array_elements_text(e.parties)), e.extracted_at
             FROM jsonb_to_recordset($1::jsonb) AS e (agreement_id uuid, parties jsonb,
               extracted_at timestamptz)
           ON CONFLICT (agreement_id) DO UPDATE SET parties = EXCLUDED.parties,
             extracted_at = EXCLUDED.extracted_at
           WHERE agreement_labels.extracted_at <= EXCLUDED.extracted_at)
         INSERT INTO obligation_labels (agreement_id, obligation_key, binding, extracted_at)
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::boolean[], $5::timestamptz[])
         ON CONFLICT (agreement_id, obligation_key) DO UPDATE SET binding = EXCLUDED.binding,
           extracted_at = EXCLUDED.extracted_at
         WHERE obligation_labels.extracted_at <= EXCLUDED.extracted_at`,
        [
          JSON.stringify(
            round.map((extraction) => ({
              agreement_id: extraction.agreementId,
              parties: extraction.parties,
              extracted_at: extraction.extractedAt,
            })),
          ),
          obligations.map((obligation) => obligation.extraction.agreementId),
          obligations.map((obligation) => obligation.obligationKey),
          obligations.map((obligation) => obligation.binding),
          obligations.map((obligation) => obligation.extraction.extractedAt),
        ],
      );
    }
  }

  /** The obligation each milestone tracks, a statement for a whole run of scheduled milestones. */
  async recordMilestones(
    manager: EntityManager,
    milestones: readonly { milestoneId: string; agreementId: string; obligationKey: string }[],
  ): Promise<void> {
    for (const round of distinctRounds(milestones, (milestone) => milestone.milestoneId))
      await manager.query(
        `INSERT INTO milestone_obligations (milestone_id, agreement_id, obligation_key)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])
         ON CONFLICT (milestone_id) DO UPDATE SET agreement_id = EXCLUDED.agreement_id,
           obligation_key = EXCLUDED.obligation_key`,
        [
          round.map((milestone) => milestone.milestoneId),
          round.map((milestone) => milestone.agreementId),
          round.map((milestone) => milestone.obligationKey),
        ],
      );
  }

  /** The labels known for each alert, in the order given, in one statement. */
  async labelsOfEach(
    manager: EntityManager,
    alerts: readonly { milestoneId: string; agreementId: string }[],
  ): Promise<KnownLabels[]> {
    if (alerts.length === 0) return [];
    const rows = await manager.query<
      { position: string; parties: string[] | null; binding: boolean | null }[]
    >(
      `SELECT w.position, a.parties, o.binding
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS w (milestone_id, agreement_id, position)
       LEFT JOIN agreement_labels a ON a.agreement_id = w.agreement_id
       LEFT JOIN milestone_obligations m ON m.milestone_id = w.milestone_id
       LEFT JOIN obligation_labels o
         ON o.agreement_id = m.agreement_id AND o.obligation_key = m.obligation_key`,
      [alerts.map((alert) => alert.milestoneId), alerts.map((alert) => alert.agreementId)],
    );
    const labels: KnownLabels[] = alerts.map(() => ({ parties: [], binding: null }));
    for (const row of rows)
      labels[Number(row.position) - 1] = { parties: row.parties ?? [], binding: row.binding };
    return labels;
  }
}

/** Each obligation key once, as its last mention has it. */
function lastMentions<T extends { obligationKey: string }>(obligations: readonly T[]): T[] {
  return [
    ...new Map(obligations.map((obligation) => [obligation.obligationKey, obligation])).values(),
  ];
}
