export * from './reminder-plan';
export * from './zoned-time';
