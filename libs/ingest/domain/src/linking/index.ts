export * from './deal-fingerprint';
export * from './deal-signals';
export * from './minhash';
