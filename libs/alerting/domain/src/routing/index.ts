export * from './matcher';
export * from './route-tree';
