import { compressWithLz4Migration } from '@dealwatch/persistence';

/** The read model keeps every agreement's text and obligations (`compressWithLz4Migration`). */
export const CompressWithLz41764921600000 = compressWithLz4Migration(
  'CompressWithLz41764921600000',
  {
    agreement_views: ['text', 'obligations'],
  },
);
