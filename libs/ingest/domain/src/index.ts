export * from './document-metadata';
export * from './formats';
export * from './normalise-text';
