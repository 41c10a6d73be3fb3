/**
 * The screenshots in docs/themes.md (not a test: the themes' contrast is
 * tested in test/browser/themes.test.ts):
 *   tsx scripts/theme-screenshots.ts [baseUrl]
 * The council demo page at 640 px with each theme in themes/ linked, after a
 * search for Borchester and a feedback form sent empty.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';

const base = process.argv[2] ?? 'http://localhost:8080';
mkdirSync('docs/themes', { recursive: true });
const themes = ['default', ...readdirSync('themes').filter((file) => file.endsWith('.css')).map((file) => file.replace(/\.css$/, ''))];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const theme of themes) {
  const page = await browser.newPage({ viewport: { width: 640, height: 900 } });
  await page.goto(`${base}/`);
  if (theme !== 'default') await page.addStyleTag({ url: `${base}/cdn/themes/${theme}.css` });
  await page.getByLabel('Postcode or town').fill('Borchester');
  await page.locator('cls-hub-finder').getByRole('button', { name: 'Search', exact: true }).click();
  await page.locator('cls-hub-finder [part="item"]').first().waitFor();
  // The search and the first results: the whole list would be a very tall picture.
  const box = await page.locator('cls-hub-finder').boundingBox();
  if (box) await page.screenshot({ path: `docs/themes/${theme}-hub-finder.png`, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1000) } });
  await page.locator('cls-feedback').getByRole('button', { name: 'Send feedback' }).click();
  await page.locator('cls-feedback').getByText('There is a problem').waitFor();
  await page.locator('cls-feedback').screenshot({ path: `docs/themes/${theme}-feedback.png` });
  await page.close();
}
await browser.close();
console.log(`wrote docs/themes/*.png for ${themes.join(', ')}`);
