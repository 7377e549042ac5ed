import { apiFetch, dropTestSchemas, requiredEnv } from '@dealwatch/testing';

import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
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
  let agreementId: string;

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
    agreementId = (await link.getAttribute('href'))!.replace('#/agreements/', '');
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

  it('keeps what a person types in review when a live refresh already loading lands', async () => {
    await page.fill('#who', 'ana@example.org');
    await page.click('nav a[href="#/reviews"]');
    const meeting = page.locator('#review-queue tbody tr', { hasText: 'within 180 days' });
    await meeting.waitFor({ timeout: 30_000 });
    // The queue's next load answers only once the person has typed, as it may under load.
    const reviewLoads = await holdReviewLoads(page);
    try {
      const refreshAsked = page.waitForRequest('**/api/reviews', { timeout: 30_000 });
      // Another agreement comes in; the console hears of it and refreshes the page it shows.
      const posted = await pipeline.postDocument(
        'Supply Agreement between Northwind Metals Ltd and Harbor Cells Inc, signed on 12 January ' +
          '2026. Northwind Metals Ltd shall deliver the first shipment within 60 days.',
      );
      expect(posted.status).toBeLessThan(300);
      await refreshAsked;
      await meeting.locator('input.review-reason').fill('typed while the page was loading');

      await reviewLoads.answer();
      expect(await meeting.locator('input.review-reason').inputValue()).toBe(
        'typed while the page was loading',
      );
    } finally {
      await reviewLoads.end();
    }
  });

  it('takes a correction of a low-confidence date in review and moves the milestone', async () => {
    await page.fill('#who', 'ana@example.org');
    await page.click('nav a[href="#/reviews"]');
    // The ministerial meeting is only "scheduled" in the text: the engine is not sure of it.
    const meeting = page.locator('#review-queue tbody tr', { hasText: 'within 180 days' });
    await meeting.waitFor({ timeout: 30_000 });
    expect(await meeting.textContent()).toContain('2026-04-26');
    await page.screenshot({ path: resolve(artefacts, 'review-queue.png'), fullPage: true });
    if (docsScreenshots) await page.screenshot({ path: resolve(docsScreenshots, 'review.png') });

    await meeting.locator('input.review-date').fill('2027-03-15');
    await meeting.locator('input.review-reason').fill('the joint statement set the meeting date');
    await meeting.locator('button.correct').click();
    const reviewed = page.locator('#reviewed tbody tr', { hasText: '2027-03-15' });
    await reviewed.waitFor({ timeout: 15_000 });
    expect(await reviewed.textContent()).toContain('corrected 2026-04-26 → 2027-03-15');
    expect(await page.locator('#review-queue').textContent()).not.toContain('within 180 days');

    // The scheduler moves the milestone; the console hears of it and the agreement page shows it.
    await page.goto(`${pipeline.services.console.url}/#/agreements/${agreementId}`);
    await page
      .locator('section', { hasText: 'Milestones' })
      .locator('tr', { hasText: '2027-03-15' })
      .waitFor({ timeout: 30_000 });
    expect(await pipeline.milestonesOf(agreementId)).toContainEqual({
      dueDate: '2027-03-15',
      category: 'meeting',
    });
    await page.screenshot({ path: resolve(artefacts, 'review-corrected.png'), fullPage: true });
  });

  it('never shows a page over a newer one when their loads finish out of order', async () => {
    const consoleUrl = pipeline.services.console.url;
    // The review queue answers late, as under load; meanwhile the person opens the agreement.
    const reviewLoads = await holdReviewLoads(page);
    try {
      const reviewsAsked = page.waitForRequest('**/api/reviews');
      await page.goto(`${consoleUrl}/#/reviews`);
      await reviewsAsked;
      await page.goto(`${consoleUrl}/#/agreements/${agreementId}`);
      const milestones = page.locator('section', { hasText: 'Milestones' });
      await milestones.waitFor({ timeout: 15_000 });

      await reviewLoads.answer();
      expect(await page.locator('#review-queue').count()).toBe(0);
      expect(await milestones.isVisible()).toBe(true);
    } finally {
      await reviewLoads.end();
    }
  });

  it('lists the alerts that fired for it and acknowledges one through alerting', async () => {
    await page.click('nav a[href="#/alerts"]');
    await page.locator('#alerts tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#alerts').textContent()).toContain('overdue');
    await page.screenshot({ path: resolve(artefacts, 'alerts.png'), fullPage: true });

    const firing = page.locator('#alerts tbody tr[data-state="firing"]:not([data-alert=""])');
    await firing.first().waitFor({ timeout: 30_000 });
    const alertId = (await firing.first().getAttribute('data-alert'))!;
    const row = page.locator(`#alerts tbody tr[data-alert="${alertId}"]`);
    await row.locator('input.comment').fill('calling the ministry');
    await row.locator('button.ack').click();
    // Alerting announces the acknowledgement; the row changes when the console hears of it.
    await page
      .locator(`#alerts tbody tr[data-alert="${alertId}"][data-state="acknowledged"]`)
      .waitFor({ timeout: 30_000 });
    expect(await row.locator('.state').textContent()).toBe(
      'acknowledged by ana@example.org (calling the ministry)',
    );
    const inAlerting = (await (
      await apiFetch(`${pipeline.services.alerting.url}/v1/alerts/${alertId}`)
    ).json()) as { state: string; acknowledgedBy: string };
    expect(inAlerting).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'ana@example.org' });
    await page.screenshot({ path: resolve(artefacts, 'alert-acknowledged.png'), fullPage: true });
    if (docsScreenshots) await page.screenshot({ path: resolve(docsScreenshots, 'alerts.png') });
  });

  it('silences the alerts of a milestone through alerting', async () => {
    const row = page.locator('#alerts tbody tr[data-state="firing"]:not([data-alert=""])').first();
    await row.locator('input.comment').fill('the meeting date is agreed, no need to chase');
    await row.locator('select').selectOption('P7D');
    await row.locator('button.silence').click();
    const silence = page.locator('#silences tbody tr').first();
    await silence.waitFor({ timeout: 15_000 });
    expect(await silence.textContent()).toContain(
      'ana@example.org: the meeting date is agreed, no need to chase',
    );
    expect(await page.locator('#alerts').textContent()).toContain('silenced until');
    await page.screenshot({ path: resolve(artefacts, 'alert-silenced.png'), fullPage: true });
  });

  it('uploads a PDF file and shows the agreement its text layer makes', async () => {
    const sentence = 'The Parties shall open the joint refinery within 90 days of signing.';
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawText(sentence, {
      x: 56,
      y: 780,
      size: 11,
      font: await pdf.embedFont(StandardFonts.Helvetica),
    });
    await page.goto(`${pipeline.services.console.url}/#/upload`);
    await page.setInputFiles('#upload-file', {
      name: 'refinery.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await pdf.save()),
    });
    await page.click('#upload-submit');
    const link = page.locator('#upload-result a');
    await link.waitFor({ timeout: 15_000 });
    await link.click();
    await page.locator('#agreement-text', { hasText: sentence }).waitFor({ timeout: 15_000 });
  });
});

/**
 * Holds the page's loads of the review queue until `answer`, which lets them through and waits
 * until the answer has been read and anything it would render is on screen (two frames).
 */
async function holdReviewLoads(page: Page): Promise<{
  answer: () => Promise<void>;
  end: () => Promise<void>;
}> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/reviews', async (route) => {
    await held;
    await route.continue();
  });
  return {
    async answer() {
      const answered = page.waitForResponse('**/api/reviews');
      release();
      await (await answered).finished();
      await page.evaluate(
        'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
      );
    },
    async end() {
      release();
      await page.unroute('**/api/reviews');
    },
  };
}
