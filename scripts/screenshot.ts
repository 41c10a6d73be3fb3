/**
 * Screenshots of the demo pages for a person to look at (not a test):
 *   tsx scripts/screenshot.ts [baseUrl] [outDir]
 * Takes each page at 320 px and 1280 px, in English and Welsh, plus the
 * error and thank-you states of <cls-feedback>.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';

const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const width of [320, 1280]) {
  for (const lang of ['en', 'cy']) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${base}/?lang=${lang}`);
    await page.locator('cls-feedback').locator('form').waitFor();
    await page.screenshot({ path: join(out, `feedback-${lang}-${width}.png`), fullPage: true });
    await page.locator('cls-feedback').getByRole('button', { name: lang === 'cy' ? 'Anfon adborth' : 'Send feedback' }).click();
    await page.screenshot({ path: join(out, `feedback-${lang}-${width}-errors.png`), fullPage: true });
    await page.close();
  }
}
await browser.close();
console.log(`Screenshots in ${out}/`);
