export * from './matcher';
export * from './route-tree';
export * from './route-grouping';
export * from './route-digest';
