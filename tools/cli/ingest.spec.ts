import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CliError } from './cli-error';
import { contentTypeOf, filesOf, ingest, ingestLine } from './ingest';
import { closedPortUrl, stubServer } from './stub-server';

const AGREEMENT = '6e9ec511-33c6-4a08-b9e7-8347780d70a9';

describe('contentTypeOf', () => {
  it.each([
    ['framework.txt', 'text/plain'],
    ['page.HTML', 'text/html'],
    ['page.htm', 'text/html'],
    ['official.pdf', 'application/pdf'],
    ['draft.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['notes', 'application/octet-stream'],
    ['scan.tiff', 'application/octet-stream'],
  ])('posts %s as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});

describe('ingestLine', () => {
  it('shows the agreement and its outcome, or the reason', () => {
    expect(
      ingestLine({ file: 'a.pdf', status: 202, agreementId: AGREEMENT, outcome: 'linked' }),
    ).toBe(`a.pdf  202  ${AGREEMENT} linked`);
    expect(ingestLine({ file: 'b.pdf', status: 422, error: 'the PDF has no text layer' })).toBe(
      'b.pdf  422  the PDF has no text layer',
    );
    expect(ingestLine({ file: 'c.txt', status: null, error: 'cannot read: EACCES' })).toBe(
      'c.txt  ---  cannot read: EACCES',
    );
  });
});

describe('ingest', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'dealwatch-cli-'));
    await writeFile(
      join(folder, 'b-report.html'),
      '<html><body><p>Japan and the US</p></body></html>',
    );
    await writeFile(join(folder, 'a-framework.txt'), 'The parties will meet within 180 days.');
    await writeFile(join(folder, 'c-scan.pdf'), '%PDF-1.7 no text');
    await mkdir(join(folder, 'processed'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('lists a folder’s regular files in name order and a file as itself', async () => {
    expect(await filesOf(folder)).toEqual([
      join(folder, 'a-framework.txt'),
      join(folder, 'b-report.html'),
      join(folder, 'c-scan.pdf'),
    ]);
    expect(await filesOf(join(folder, 'c-scan.pdf'))).toEqual([join(folder, 'c-scan.pdf')]);
    await expect(filesOf(join(folder, 'missing'))).rejects.toThrow(
      `no such file or folder: ${join(folder, 'missing')}`,
    );
  });

  it('posts each file raw with its type, prints a line each and counts the refusals', async () => {
    const stub = await stubServer((request) =>
      request.contentType === 'application/pdf'
        ? {
            status: 422,
            body: JSON.stringify({ statusCode: 422, message: 'the PDF has no text layer' }),
          }
        : {
            status: 202,
            body: JSON.stringify({
              id: AGREEMENT,
              status: request.contentType === 'text/html' ? 'linked' : 'accepted',
            }),
          },
    );
    const lines: string[] = [];
    try {
      const outcome = await ingest(folder, stub.url, (line) => lines.push(line));
      expect(outcome).toEqual({ total: 3, failed: 1 });
    } finally {
      await stub.close();
    }
    expect(lines).toEqual([
      `${join(folder, 'a-framework.txt')}  202  ${AGREEMENT} accepted`,
      `${join(folder, 'b-report.html')}  202  ${AGREEMENT} linked`,
      `${join(folder, 'c-scan.pdf')}  422  the PDF has no text layer`,
    ]);
    expect(stub.seen.map((request) => [request.method, request.url, request.contentType])).toEqual([
      ['POST', '/v1/agreements', 'text/plain'],
      ['POST', '/v1/agreements', 'text/html'],
      ['POST', '/v1/agreements', 'application/pdf'],
    ]);
    expect(stub.seen[0]?.body.toString()).toBe('The parties will meet within 180 days.');
  });

  it('stops with one line naming ingest when nothing answers', async () => {
    const url = await closedPortUrl();
    const failure = ingest(join(folder, 'a-framework.txt'), url, () => undefined);
    await expect(failure).rejects.toBeInstanceOf(CliError);
    await expect(failure).rejects.toThrow(
      `ingest at ${url} is not answering (connection refused); is it running?`,
    );
  });
});
