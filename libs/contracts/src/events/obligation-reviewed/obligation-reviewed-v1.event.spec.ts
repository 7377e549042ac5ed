import 'reflect-metadata';

import { parseEventPayload } from '../../parse-event-payload';
import { Topics } from '../../topics';

const review = {
  reviewId: '5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
  agreementId: '0b0c7d3e-6f1a-4c1e-9d55-5a3c2b1f0e11',
  obligationKey: 'k1',
  verdict: 'corrected',
  dueDate: '2026-06-30',
  extractedDueDate: '2026-04-26',
  by: 'ana@example.org',
  reason: 'the amendment moved it',
  reviewedAt: '2026-01-05T09:00:00Z',
};

const parse = (payload: object) =>
  parseEventPayload(Topics.ObligationReviewedV1, JSON.stringify(payload));

describe('ObligationReviewedV1', () => {
  it('accepts a correction with its new due date', () => {
    expect(parse(review).ok).toBe(true);
  });

  it('refuses a correction without a due date, naming the field', () => {
    expect(parse({ ...review, dueDate: null })).toEqual({
      ok: false,
      error: expect.stringContaining('dueDate'),
    });
  });

  it('accepts a confirmation or dismissal without a due date', () => {
    expect(parse({ ...review, verdict: 'confirmed', dueDate: null }).ok).toBe(true);
    expect(parse({ ...review, verdict: 'dismissed', dueDate: null }).ok).toBe(true);
  });

  it('refuses an unknown verdict and a review that names nobody', () => {
    expect(parse({ ...review, verdict: 'maybe' })).toEqual({
      ok: false,
      error: expect.stringContaining('verdict'),
    });
    expect(parse({ ...review, by: '' })).toEqual({
      ok: false,
      error: expect.stringContaining('by'),
    });
  });
});
