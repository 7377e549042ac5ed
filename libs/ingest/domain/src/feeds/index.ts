export * from './parse-feed';
export * from './relevance';
