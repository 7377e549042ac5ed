export * from './iso-duration';
export * from './reminder-plan';
export * from './zoned-time';
