import type { Infrastructure } from './infrastructure';

export default async function globalTeardown(): Promise<void> {
  const infrastructure = (globalThis as { __dealwatchInfrastructure?: Infrastructure })
    .__dealwatchInfrastructure;
  await infrastructure?.stop();
}
