export * from './iso-duration';
export * from './wakeable-sleep';
export * from './zoned-time';
export * from './batch-loop';
export * from './pause-until';
