import { compressWithLz4Migration } from '@dealwatch/persistence';

/**
 * Every upload writes its text three times (the agreement, its document, the event in the outbox)
 * and its original once: lz4 compresses each in half the time pglz took (`compressWithLz4Migration`).
 */
export const CompressWithLz41764921600000 = compressWithLz4Migration(
  'CompressWithLz41764921600000',
  {
    agreements: ['text', 'pages'],
    documents: ['original', 'text', 'pages'],
    outbox_messages: ['payload'],
  },
);
