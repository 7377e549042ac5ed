export * from './is-outbound-allowlist';
export * from './outbound-allowlist';
export * from './outbound-errors';
export * from './outbound-http';
