import {
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startIngest } from '../testing/start-ingest';

const namespace = createTestNamespace('ingest-watch');

describe('the watched folder, on real PostgreSQL', () => {
  let app: INestApplication;
  let base: string;
  let folder: string;

  async function start(): Promise<void> {
    ({ app, base } = await startIngest(namespace, {
      INGEST_WATCH_DIR: folder,
      INGEST_WATCH_POLL_MS: '20',
    }));
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dealwatch-watch-'));
    await start();
  });

  afterAll(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  const at = (...path: string[]) => join(folder, ...path);
  const agreementOf = async (text: string) => {
    // Posting the same bytes again answers with the agreement the folder created.
    const response = await apiFetch(`${base}/v1/agreements`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: text,
    });
    return (await response.json()) as { id: string; status: string };
  };

  it('ingests a dropped document once and moves it to processed/', async () => {
    const text = 'The Supplier shall deliver the first cargo within 30 days of signature.';
    writeFileSync(at('cargo.txt'), text);

    await expectEventually(() => expect(existsSync(at('processed', 'cargo.txt'))).toBe(true));
    expect(existsSync(at('cargo.txt'))).toBe(false);
    expect(await agreementOf(text)).toMatchObject({ status: 'duplicate' });
  });

  it('moves what it cannot read to failed/ with the reason next to it', async () => {
    writeFileSync(at('scan.pdf'), '%PDF-1.4 not really a PDF');
    writeFileSync(at('photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));

    await expectEventually(() => {
      expect(readdirSync(at('failed')).sort()).toEqual([
        'photo.png',
        'photo.png.reason.txt',
        'scan.pdf',
        'scan.pdf.reason.txt',
      ]);
    });
    expect(readFileSync(at('failed', 'photo.png.reason.txt'), 'utf8')).toMatch(/unsupported/);
    expect(readFileSync(at('failed', 'scan.pdf.reason.txt'), 'utf8').trim()).not.toBe('');
  });

  it('does not take partial downloads, and keeps a second file of the same name beside the first', async () => {
    writeFileSync(at('cargo.txt.part'), 'still downloading');
    writeFileSync(at('cargo.txt'), 'The Buyer shall pay within 60 days of delivery.');

    await expectEventually(() => expect(existsSync(at('processed', 'cargo-1.txt'))).toBe(true));
    expect(readdirSync(folder)).toContain('cargo.txt.part');
  });

  it('after a restart, moves a file it had ingested but not yet moved, without a second agreement', async () => {
    const text = 'The Lessee shall return the premises within 14 days of termination.';
    const before = await agreementOf(text);
    await app.close();
    writeFileSync(at('lease.txt'), text);
    await start();

    await expectEventually(() => expect(existsSync(at('processed', 'lease.txt'))).toBe(true));
    expect(await agreementOf(text)).toEqual({ ...before, status: 'duplicate' });
  });
});
