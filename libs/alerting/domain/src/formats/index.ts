export * from './alert-email';
export * from './milestone-calendar';
export * from './notification-content';
export * from './slack-message';
export * from './teams-message';
