/** Injection tokens for the shared runtime. */
export const ENV = Symbol('ENV');
export const LOGGER = Symbol('LOGGER');
export const KAFKA = Symbol('KAFKA');
export const PRODUCER = Symbol('PRODUCER');
export const REDIS = Symbol('REDIS');
export const CLOCK = Symbol('CLOCK');
export const SERVICE_OPTIONS = Symbol('SERVICE_OPTIONS');
