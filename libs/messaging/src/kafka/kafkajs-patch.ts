import { createRequire } from 'node:module';

/**
 * Changes a module of kafkajs (`src/<path>`) in place, once per process, on the kafkajs this library
 * resolves: the one the services load. `name` marks the module as changed; `patch` says by its
 * parameter's type what it expects the module to be.
 */
export function patchKafkajs(path: string, name: string, patch: (module: never) => void): void {
  const module = createRequire(__filename)(`kafkajs/src/${path}`) as Record<symbol, boolean>;
  const patched = Symbol.for(`dealwatch.kafkajs.${name}`);
  if (module[patched]) return;
  patch(module as never);
  module[patched] = true;
}
