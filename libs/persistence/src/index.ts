export * from './redis-client';
export * from './service-data-source';
export * from './transient-error';
export * from './insert-rows';
export * from './transaction-memo';
export * from './distinct-rounds';
export * from './preparing-client';
export * from './table-upkeep';
