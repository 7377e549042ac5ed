import type { ExtractedObligationV1 } from '@dealwatch/contracts';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { ObligationReviewEntity } from './obligation-review.entity';

/** Reviews of extracted obligations, and the obligations as the latest extraction states them. */
@Injectable()
export class ObligationReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The obligation in its agreement's latest extraction, or null if the console has not seen it. */
  async obligation(
    manager: EntityManager,
    agreementId: string,
    obligationKey: string,
  ): Promise<ExtractedObligationV1 | null> {
    const rows: { obligation: ExtractedObligationV1 }[] = await manager.query(
      `SELECT o AS obligation
       FROM agreement_views a CROSS JOIN LATERAL jsonb_array_elements(coalesce(a.obligations, '[]')) o
       WHERE a.id = $1 AND o->>'obligationKey' = $2
       LIMIT 1`,
      [agreementId, obligationKey],
    );
    return rows[0]?.obligation ?? null;
  }

  /** The status of the obligation's milestone as the console last heard it, or null if none. */
  async milestoneStatus(
    manager: EntityManager,
    agreementId: string,
    obligationKey: string,
  ): Promise<string | null> {
    const rows: { status: string }[] = await manager.query(
      'SELECT status FROM milestone_views WHERE agreement_id = $1 AND obligation_key = $2 LIMIT 1',
      [agreementId, obligationKey],
    );
    return rows[0]?.status ?? null;
  }

  /** Records the review unless the obligation already has one; says whether it was recorded. */
  async record(manager: EntityManager, review: ObligationReviewEntity): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO obligation_reviews (id, agreement_id, obligation_key, verdict, due_date,
         extracted_due_date, confidence, reviewed_by, reason, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (agreement_id, obligation_key) DO NOTHING RETURNING id`,
      [
        review.id,
        review.agreementId,
        review.obligationKey,
        review.verdict,
        review.dueDate,
        review.extractedDueDate,
        review.confidence,
        review.reviewedBy,
        review.reason,
        review.reviewedAt,
      ],
    );
    return inserted.length > 0;
  }

  find(agreementId: string, obligationKey: string): Promise<ObligationReviewEntity | null> {
    return this.dataSource
      .getRepository(ObligationReviewEntity)
      .findOneBy({ agreementId, obligationKey });
  }

  /** The newest reviews first. */
  recent(limit = 50): Promise<ObligationReviewEntity[]> {
    return this.dataSource
      .getRepository(ObligationReviewEntity)
      .find({ order: { reviewedAt: 'DESC' }, take: limit });
  }
}
