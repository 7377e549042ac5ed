/** Injection tokens for the shared runtime. */
export const ENV = Symbol('ENV');
export const LOGGER = Symbol('LOGGER');
export const KAFKA = Symbol('KAFKA');
export const PRODUCER = Symbol('PRODUCER');
export const REDIS = Symbol('REDIS');
export const CLOCK = Symbol('CLOCK');
export const SERVICE_OPTIONS = Symbol('SERVICE_OPTIONS');
/** The key registry's own PostgreSQL schema (AUTH_DATABASE_SCHEMA), shared by every service. */
export const AUTH_DATA_SOURCE = Symbol('AUTH_DATA_SOURCE');
/** The auth rate limiter, or null when no limit is on. */
export const RATE_LIMITER = Symbol('RATE_LIMITER');
