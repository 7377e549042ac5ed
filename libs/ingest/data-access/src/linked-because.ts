import type { PageSpan } from '@dealwatch/ingest/domain';

/** Why a document belongs to its agreement; shown by `GET /v1/agreements/:id`. */
export type LinkedBecause =
  | { kind: 'first' }
  | { kind: 'identical-text' }
  | {
      kind: 'near-duplicate';
      /** Estimated Jaccard similarity of the two texts' word shingles, 0..1. */
      similarity: number;
      /** The other evidence that both texts are about one deal (parties, signing date). */
      sharedSignals: string[];
      /** The document the new one matched best. */
      matchedDocumentId: string;
    };

export type PageMap = PageSpan[];
