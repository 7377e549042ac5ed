export * from './inhibition';
export * from './silence';
