import { CreateAgreements1764403200000 } from './migrations/1764403200000-create-agreements';
import { CreateDocuments1764489600000 } from './migrations/1764489600000-create-documents';
import { CreateDealFingerprints1764576000000 } from './migrations/1764576000000-create-deal-fingerprints';
import { CreateFeedSources1764662400000 } from './migrations/1764662400000-create-feed-sources';
import { FeedRetries1764748800000 } from './migrations/1764748800000-feed-retries';
import { CompressWithLz41764921600000 } from './migrations/1764921600000-compress-with-lz4';

export * from './agreement.entity';
export * from './agreement.repository';
export * from './deal-fingerprint.repository';
export * from './document.entity';
export * from './document.repository';
export * from './feed-source.repository';
export * from './host-rate-limit';
export * from './idempotency.store';
export * from './ingest-locks';
export * from './linked-because';
export * from './watched-folder';

/** In the order they must run. */
export const ingestMigrations = [
  CreateAgreements1764403200000,
  CreateDocuments1764489600000,
  CreateDealFingerprints1764576000000,
  CreateFeedSources1764662400000,
  FeedRetries1764748800000,
  CompressWithLz41764921600000,
];
