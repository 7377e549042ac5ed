export * from './document-metadata';
export * from './normalise-text';
