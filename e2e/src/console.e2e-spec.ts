import { dropTestSchemas, requiredEnv } from '@dealwatch/testing';

import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

import { Pipeline, workspaceRoot } from './pipeline';

const seed = readFileSync(resolve(workspaceRoot, 'samples/seed-us-japan.txt'), 'utf8');
const artefacts = resolve(workspaceRoot, 'tmp', 'e2e-artefacts');
/** `UPDATE_DOCS_SCREENSHOTS=1` refreshes the README's pictures from this run. */
const docsScreenshots =
  process.env['UPDATE_DOCS_SCREENSHOTS'] === '1'
    ? resolve(workspaceRoot, 'docs', 'screenshots')
    : null;

/** Flags for a root, offline, headless Chromium: no sandbox, no calls home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('the operations console in a real browser', () => {
  const pipeline = new Pipeline();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artefacts, { recursive: true });
    if (docsScreenshots) mkdirSync(docsScreenshots, { recursive: true });
    await pipeline.start();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser.close();
    await pipeline.stop();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), pipeline.namespace);
  });

  it('asks for an API key, and refuses a wrong one with the reason', async () => {
    await page.goto(`${pipeline.services.console.url}/#/upload`);
    await page.locator('#signin-key').waitFor({ timeout: 15_000 });
    await page.fill(
      '#signin-key',
      'dwk_0123456789abcdef_wrongwrongwrongwrongwrongwrongwrongwrong123',
    );
    await page.click('#signin-submit');
    await page.locator('#signin-reason').waitFor({ timeout: 15_000 });
    expect(await page.locator('#signin-reason').textContent()).toContain(
      'the API key is not known',
    );

    await page.fill('#signin-key', pipeline.adminKey);
    await page.click('#signin-submit');
    await page.locator('#signin').waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('uploads an agreement, shows it with its obligations highlighted, and puts its deadlines on the timeline', async () => {
    await page.goto(`${pipeline.services.console.url}/#/upload`);
    await page.fill('#upload-text', seed);
    await page.click('#upload-submit');
    const link = page.locator('#upload-result a');
    await link.waitFor({ timeout: 15_000 });
    await link.click();

    // The extraction arrives by Kafka; the page updates itself over server-sent events.
    await page.locator('#agreement-text mark.dated').first().waitFor({ timeout: 30_000 });
    const highlighted = await page.locator('#agreement-text mark.dated').allTextContents();
    expect(highlighted.join(' ')).toContain('provide financing within six months');
    expect(highlighted.join(' ')).toContain('within 180 days');
    expect(await page.locator('#obligations').textContent()).toContain('2026-04-28');
    await page.screenshot({ path: resolve(artefacts, 'agreement.png'), fullPage: true });
    if (docsScreenshots) await page.screenshot({ path: resolve(docsScreenshots, 'agreement.png') });

    await page.click('nav a[href="#/"]');
    const rows = page.locator('#deadlines tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#deadlines').textContent()).toContain('2026-04-26');
    expect(await page.locator('canvas#timeline').isVisible()).toBe(true);
    await page.screenshot({ path: resolve(artefacts, 'timeline.png'), fullPage: true });
    if (docsScreenshots) await page.screenshot({ path: resolve(docsScreenshots, 'timeline.png') });
  });

  it('lists the alerts that fired for it', async () => {
    await page.click('nav a[href="#/alerts"]');
    await page.locator('#alerts tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#alerts').textContent()).toContain('overdue');
    await page.screenshot({ path: resolve(artefacts, 'alerts.png'), fullPage: true });
  });
});
