export * from './digest-body';
export * from './digest-formats';
export * from './digest-schedule';
