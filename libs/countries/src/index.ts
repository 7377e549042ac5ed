export * from './countries';
export * from './regions';
