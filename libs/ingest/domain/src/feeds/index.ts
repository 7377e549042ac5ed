export * from './parse-feed';
export * from './relevance';
export * from './fetch-retry';
