export * from './signed-link';
