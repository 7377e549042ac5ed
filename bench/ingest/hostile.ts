import { fork } from 'node:child_process';
import { resolve } from 'node:path';

import { ms } from './figures';
import type { HostileFigures } from './hostile-case';
import { hostileCases } from './hostile-cases';

/**
 * Hostile documents through `convertDocument`, each in a fresh process (tsx's loader is inherited)
 * so that peak RSS belongs to the case alone: time to convert or refuse, peak RSS, and the outcome.
 */
export async function benchHostileDocuments(): Promise<void> {
  console.log('\n== Hostile documents (convertDocument, one process per case) ==');
  for (const [name, { label }] of Object.entries(hostileCases)) {
    const figures = await runCase(name);
    console.log(
      `${label.padEnd(56)} ${ms(figures.convertMs).padStart(11)}  peak RSS ${figures.peakRssMb.toFixed(0).padStart(5)} MB (${figures.baselineRssMb.toFixed(0)} MB before)  ${figures.outcome}`,
    );
  }
}

function runCase(name: string): Promise<HostileFigures> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(resolve(__dirname, 'hostile-case.ts'), [name], { stdio: 'inherit' });
    let figures: HostileFigures | null = null;
    child.on('message', (message) => {
      figures = message as HostileFigures;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (figures) resolvePromise(figures);
      else reject(new Error(`hostile case ${name} ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}
