/**
 * The HTML report in a real headless browser (Debian's chromium, driven by playwright-core):
 * it loads with no console error and no request, a draft's <script> and <img onerror> show as
 * text and never run, photos show as inline thumbnails, and a screenshot is saved to
 * test-results/ (git-ignored) for a person to look at. Skips, saying why, where chromium is absent.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/rule-tester.js';
import { tmpDir } from '../helpers/tmp.js';

const CHROMIUM = process.env.SMCHECK_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const have = existsSync(CHROMIUM);
if (!have) console.log(`html-browser: skipped: no chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does)`);

describe.skipIf(!have)('the HTML report in headless chromium', () => {
  it('loads with no console error and no request; hostile text shows as text; photos are thumbnails', async () => {
    const dir = tmpDir('smcheck-html-');
    writeFileSync(
      path.join(dir, 'sports-day.md'),
      '# Sports Day <script>document.title="pwned"</script>\n\nWell done to Amelia Hughes! <img src=x onerror="document.title=\'pwned\'">\nDoors open at 6pm.\n',
    );
    copyFileSync(path.join(ROOT, 'fixtures', 'drafts', 'photos', 'garden.jpg'), path.join(dir, 'sports-day.jpg'));
    writeFileSync(path.join(dir, 'clean.md'), 'A lovely week in school.\n');
    copyFileSync(path.join(ROOT, 'fixtures', 'smcheck.yml'), path.join(dir, 'smcheck.yml'));
    cpSync(path.join(ROOT, 'fixtures', 'data'), path.join(dir, 'data'), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'smcheck.js'), '--format', 'html', '-o', 'report.html', '.'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const file = path.join(dir, 'report.html');
    expect(readFileSync(file, 'utf8')).not.toMatch(/<script/i);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (q) => requests.push(q.url()));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(errors).toEqual([]);
      // The page itself is the only request (inline thumbnails are data: URIs, which are no request).
      expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
      expect(await page.title()).toBe('smcheck report');
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('[onerror]').count()).toBe(0);
      const card = page.locator('section.card.fail');
      await expect(card.locator('pre.text').innerText()).resolves.toContain('<script>document.title="pwned"</script>');
      await expect(card.locator('pre.text').innerText()).resolves.toContain(`<img src=x onerror="document.title='pwned'">`);
      expect(await card.locator('mark.error').first().innerText()).toBe('Amelia Hughes');
      // The photo: a thumbnail that decoded, and its findings beside it.
      const img = card.locator('.photo img');
      expect(await img.evaluate((el) => { const im = el as unknown as { complete: boolean; naturalWidth: number }; return im.complete && im.naturalWidth > 0 && im.naturalWidth <= 240; })).toBe(true);
      await expect(card.locator('.photo').innerText()).resolves.toMatch(/GPS position/);
      // The summary is first on the page though written last.
      const firstBox = await page.locator('section.summary').boundingBox();
      const cardBox = await card.boundingBox();
      expect(firstBox!.y).toBeLessThan(cardBox!.y);
      const out = path.join(ROOT, 'test-results');
      mkdirSync(out, { recursive: true });
      const shot = path.join(out, 'html-report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
