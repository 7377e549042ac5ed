import { compressWithLz4Migration } from '@dealwatch/persistence';

/** An extraction's result and its event are compressed as they are written (`compressWithLz4Migration`). */
export const CompressWithLz41764921600000 = compressWithLz4Migration(
  'CompressWithLz41764921600000',
  {
    extractions: ['result'],
    outbox_messages: ['payload'],
  },
);
