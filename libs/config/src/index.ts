export * from './comma-separated';
export * from './common-env';
export * from './env-metadata';
export * from './load-env';
export * from './byte-size';
