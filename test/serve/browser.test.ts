/**
 * `smcheck serve` in a real browser (Debian's chromium driven by playwright-core): paste a
 * violating post and a photo with GPS, see FAIL with the problems marked, download the clean
 * photo (no metadata left), fix the text and swap the photo, see PASS; a hostile post renders
 * as text; the page asks nothing of any other origin and logs no error; it works at 320 px and
 * from the keyboard. Screenshots of each state go to test-results/serve/ (not committed).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/serve/server.js';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.SMCHECK_CHROMIUM ?? '/usr/bin/chromium';
const HAVE = existsSync(CHROMIUM);
const SHOTS = path.join(ROOT, 'test-results', 'serve');
const GPS = path.join(ROOT, 'test/blind/posts/photos/gps.jpg');
if (!HAVE) console.log(`skipping the browser tests of smcheck serve: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does)`);

describe.skipIf(!HAVE)('smcheck serve in a browser', () => {
  let srv: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tmp: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'smcheck-serve-test-'));
    mkdirSync(SHOTS, { recursive: true });
    srv = await startServer({ port: 0, config: path.join(ROOT, 'fixtures/smcheck.yml'), cwd: path.join(ROOT, 'fixtures') });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(srv.url);
    await page.locator('#school', { hasText: 'South End Junior School' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await srv?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('shows FAIL with each problem marked in the post and explained beside it', async () => {
    await page.getByLabel('Type or paste the words of the post').fill('Well done to Amelia Hughes for her painting!\n\nThe exhibition opens at 6pm on Friday.');
    await page.locator('#photo-files').setInputFiles(GPS);
    await page.getByRole('button', { name: 'Check the post' }).click();
    await page.locator('#verdict.fail').waitFor();
    expect(await page.locator('#verdict').innerText()).toMatch(/^FAIL: \d+ things to fix/);
    const marks = await page.locator('#marked mark').allInnerTexts();
    expect(marks).toContain('Amelia Hughes');
    expect(marks).toContain('6pm');
    expect(await page.locator('#marked mark', { hasText: 'Amelia Hughes' }).getAttribute('title')).toMatch(/surname/);
    const items = await page.locator('#findings li').allInnerTexts();
    expect(items.some((t) => /pupil-surname/.test(t) && /Policy:/.test(t))).toBe(true);
    expect(await page.locator('#photo-results > li', { hasText: 'gps.jpg' }).innerText()).toMatch(/GPS|location/i);
    await page.screenshot({ path: path.join(SHOTS, '1-fail.png'), fullPage: true });
  });

  it('downloads a clean copy of the photo with no metadata left', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a clean copy of gps.jpg' }).click()]);
    expect(download.suggestedFilename()).toBe('gps.clean.jpg');
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const exifr = (await import('exifr')).default;
    expect(await exifr.parse(file).catch(() => undefined)).toBeUndefined();
    expect(await exifr.gps(file).catch(() => undefined)).toBeUndefined();
  });

  it('turns green once the text is fixed and the clean photo replaces the original', async () => {
    await page.getByLabel('Type or paste the words of the post').fill('Well done to everyone for their paintings!\n\nThe exhibition opens on Friday evening.');
    await page.getByRole('button', { name: 'Remove gps.jpg' }).click();
    await page.locator('#photo-files').setInputFiles(path.join(tmp, 'gps.clean.jpg'));
    await page.locator('#verdict.pass').waitFor(); // re-checked as the user edits, no button press
    expect(await page.locator('#verdict').innerText()).toMatch(/^PASS: safe to post/);
    expect(await page.locator('#marked mark').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, '2-pass.png'), fullPage: true });
  });

  it('shows a hostile post as text and runs none of it', async () => {
    const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Thanks to Amelia Hughes!';
    await page.getByLabel('Type or paste the words of the post').fill(hostile);
    await page.locator('#verdict.fail').waitFor();
    expect(await page.locator('#marked').innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('#marked img, #marked script, #findings img, #findings script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.screenshot({ path: path.join(SHOTS, '3-hostile.png'), fullPage: true });
  });

  it('opens a saved Word document into the editor and checks it', async () => {
    await page.locator('#draft-file').setInputFiles(path.join(ROOT, 'test/fixtures/docx/sports-day.docx'));
    await page.locator('#marked mark', { hasText: '2.15pm' }).waitFor();
    expect(await page.getByLabel('Type or paste the words of the post').inputValue()).toContain('Well done to Amelia Hughes for winning the sprint.');
    expect(await page.locator('#verdict').innerText()).toMatch(/^FAIL/);
  });

  it('works from the keyboard and at 320 px wide', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByLabel('Type or paste the words of the post').fill('Lovely singing from Ava today.');
    await page.locator('#check').focus();
    await page.keyboard.press('Enter');
    await page.locator('#marked mark', { hasText: 'Ava' }).waitFor();
    await page.locator('#busy').waitFor({ state: 'hidden' }); // no re-render may replace the marks now
    await page.locator('#marked mark', { hasText: 'Ava' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id as string)).toMatch(/^finding-\d+$/);
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    expect(width).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(SHOTS, '4-narrow.png'), fullPage: true });
  });

  it('asked nothing of any other origin and logged no error', () => {
    const outside = requests.filter((u) => !u.startsWith(srv.origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    expect(problems).toEqual([]);
  });
});
