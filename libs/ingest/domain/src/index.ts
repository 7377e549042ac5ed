export * from './document-metadata';
export * from './formats';
export * from './linking';
export * from './normalise-text';
export * from './watch';
export * from './feeds';
