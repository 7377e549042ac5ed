import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { replaceTscAliasPaths } from 'tsc-alias';

export const workspaceRoot = resolve(__dirname, '../../../..');
const tsconfig = join(workspaceRoot, 'services/milestone-scheduler/tsconfig.app.json');

/**
 * Compiles the service from its current sources into `outDir` (inside the workspace, so Node finds
 * node_modules) and returns its entry point: a crash test must run the code under test, not
 * whatever `dist/` holds from an earlier build.
 */
export async function buildScheduler(outDir: string): Promise<string> {
  await promisify(execFile)(process.execPath, [
    require.resolve('typescript/bin/tsc'),
    '-p',
    tsconfig,
    '--outDir',
    outDir,
  ]);
  await replaceTscAliasPaths({ configFile: tsconfig, outDir });
  return join(outDir, 'services/milestone-scheduler/src/main.js');
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) =>
    server.close(() => {
      done();
    }),
  );
  return port;
}
