export * from './auth.guard';
export * from './bearer-token';
