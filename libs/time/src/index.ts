export * from './iso-duration';
export * from './wakeable-sleep';
