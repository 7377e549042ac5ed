export * from './business-days';
export * from './calendar-link';
export * from './chained-deadline';
export * from './milestone-lifecycle';
export * from './milestone-title';
export * from './reminder-plan';
export * from './reminder-policy';
