import { extractAgreement } from '@dealwatch/extraction';

import { variant } from './documents';

/** Variants far past any a run posts, so the engine meets documents the services never saw. */
const FIRST_INDEX = 1_000_000;

/**
 * The CPU the extraction engine alone takes for a document of the benchmark's mix, in ms: one
 * process, nothing but the engine, after as many documents again to let the JIT settle. The part of
 * clause-extraction's CPU that no change to the pipeline's plumbing can take away.
 */
export function engineMsPerDocument(templates: string[], documents = 300): number {
  const texts = Array.from({ length: 2 * documents }, (_, i) =>
    variant(templates, FIRST_INDEX + i),
  );
  for (const text of texts.slice(0, documents)) extractAgreement(text);
  const start = process.cpuUsage();
  for (const text of texts.slice(documents)) extractAgreement(text);
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000 / documents;
}
