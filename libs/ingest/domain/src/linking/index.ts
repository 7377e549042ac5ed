export * from './deal-fingerprint';
export * from './deal-signals';
export * from './minhash';
export * from './upload-decisions';
