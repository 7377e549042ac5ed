export * from './circuit-breaker';
export * from './grouped-notification';
export * from './rate-limit';
