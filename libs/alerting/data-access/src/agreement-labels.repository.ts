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
  async recordExtraction(manager: EntityManager, extraction: ExtractionLabels): Promise<void> {
    await manager.query(
      `INSERT INTO agreement_labels (agreement_id, parties, extracted_at) VALUES ($1, $2, $3)
       ON CONFLICT (agreement_id) DO UPDATE SET parties = EXCLUDED.parties,
         extracted_at = EXCLUDED.extracted_at
       WHERE agreement_labels.extracted_at <= EXCLUDED.extracted_at`,
      [extraction.agreementId, extraction.parties, extraction.extractedAt],
    );
    if (extraction.obligations.length === 0) return;
    await manager.query(
      `INSERT INTO obligation_labels (agreement_id, obligation_key, binding, extracted_at)
       SELECT $1, o.obligation_key, o.binding, $4
       FROM unnest($2::text[], $3::boolean[]) AS o (obligation_key, binding)
       ON CONFLICT (agreement_id, obligation_key) DO UPDATE SET binding = EXCLUDED.binding,
         extracted_at = EXCLUDED.extracted_at
       WHERE obligation_labels.extracted_at <= EXCLUDED.extracted_at`,
      [
        extraction.agreementId,
        extraction.obligations.map((obligation) => obligation.obligationKey),
        extraction.obligations.map((obligation) => obligation.binding),
        extraction.extractedAt,
      ],
    );
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
