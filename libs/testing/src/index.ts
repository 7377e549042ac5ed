export * from './event-publisher';
export * from './expect-eventually';
export * from './infrastructure';
export * from './test-namespace';
export * from './topic-recorder';
export * from './webhook-receiver';
export * from './service-process';
