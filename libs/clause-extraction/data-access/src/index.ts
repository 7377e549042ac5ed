import { CreateExtractions1764403400000 } from './migrations/1764403400000-create-extractions';
import { NumberExtractions1764835200000 } from './migrations/1764835200000-number-extractions';
import { CompressWithLz41764921600000 } from './migrations/1764921600000-compress-with-lz4';
import { DropRedundantAgreementIndex1767100000000 } from './migrations/1767100000000-drop-redundant-agreement-index';

export * from './extraction.entity';
export * from './extraction.repository';

/** In the order they must run. */
export const clauseExtractionMigrations = [
  CreateExtractions1764403400000,
  NumberExtractions1764835200000,
  CompressWithLz41764921600000,
  DropRedundantAgreementIndex1767100000000,
];
