/**
 * Screenshots of the demo pages for a person to look at (not a test):
 *   tsx scripts/screenshot.ts [baseUrl] [outDir]
 * Each widget at 320 px and 1280 px, in English and Welsh, in its main states.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';

const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const WORDS = {
  en: { send: 'Send feedback', search: 'Search', map: 'Show map', book: 'Book', submit: 'Book this session', email: 'Email', start: 'Start now', continue: 'Continue' },
  cy: { send: 'Anfon adborth', search: 'Chwilio', map: 'Dangos map', book: 'Trefnu', submit: 'Trefnu’r sesiwn hon', email: 'E-bost', start: 'Dechrau nawr', continue: 'Parhau' },
} as const;

async function shot(page: Page, name: string, selector: string): Promise<void> {
  await page.locator(selector).screenshot({ path: join(out, `${name}.png`) });
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const width of [320, 1280]) {
  for (const lang of ['en', 'cy'] as const) {
    const words = WORDS[lang];
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${base}/?lang=${lang}`);
    const feedback = page.locator('cls-feedback');
    await feedback.locator('form').waitFor();
    await shot(page, `feedback-${lang}-${width}`, 'cls-feedback');
    await feedback.getByRole('button', { name: words.send }).click();
    await shot(page, `feedback-${lang}-${width}-errors`, 'cls-feedback');

    const finder = page.locator('cls-hub-finder');
    await finder.locator('#place').fill('Borchester');
    await finder.getByRole('button', { name: words.search, exact: true }).click();
    await finder.locator('#results-heading').waitFor();
    await shot(page, `hub-finder-${lang}-${width}-results`, 'cls-hub-finder');
    await finder.getByRole('button', { name: words.map }).click();
    await finder.locator('cls-hub-map').waitFor();
    await page.waitForTimeout(500);
    await shot(page, `hub-finder-${lang}-${width}-map`, 'cls-hub-finder');
    const book = finder.getByRole('button', { name: new RegExp(`^${words.book} `) }).first();
    if (await book.count()) {
      await book.click();
      await finder.locator('#booking-heading').waitFor();
      await finder.getByRole('button', { name: words.submit }).click();
      await finder.locator('.error-summary').waitFor();
      await shot(page, `hub-finder-${lang}-${width}-booking-errors`, 'cls-hub-finder');
      await finder.locator('#name').fill('Demo Resident');
      await finder.getByLabel(words.email, { exact: true }).check();
      await finder.locator('#email').fill('demo@example.org');
      await finder.locator('#consent-0').check();
      await finder.getByRole('button', { name: words.submit }).click();
      await finder.locator('.panel').waitFor();
      await shot(page, `hub-finder-${lang}-${width}-confirmed`, 'cls-hub-finder');
    }
    await page.close();

    // The self-assessment: start, a question, the result with community options, check answers.
    const sa = await browser.newPage({ viewport: { width, height: 900 } });
    await sa.goto(`${base}/self-assessment.html?lang=${lang}`);
    const assessment = sa.locator('cls-self-assessment');
    await assessment.locator('#start-heading').waitFor();
    await shot(sa, `self-assessment-${lang}-${width}-start`, 'cls-self-assessment');
    await assessment.getByRole('button', { name: words.start }).click();
    await assessment.locator('#question-heading').waitFor();
    await shot(sa, `self-assessment-${lang}-${width}-question`, 'cls-self-assessment');
    await assessment.evaluate((node) => {
      (node as HTMLElement & { answers: Record<string, unknown> }).answers = {
        'answering-for': 'myself',
        'good-day': 'A walk by the river, then tea with my sister',
        'good-at': 'Baking bread',
        harder: ['eating-drinking', 'money'],
        children: 'no',
        feeling: 3,
        safe: 'safe',
        postcode: 'SY4 5JD',
        contact: 'email',
      };
    });
    for (let step = 0; step < 20 && !(await assessment.locator('#check-heading').count()); step++) {
      await assessment.getByRole('button', { name: words.continue, exact: true }).click();
    }
    await assessment.getByRole('button', { name: words.continue, exact: true }).click();
    await assessment.locator('#result-heading').waitFor();
    await assessment.locator('.community[aria-busy="false"]').waitFor();
    await shot(sa, `self-assessment-${lang}-${width}-result`, 'cls-self-assessment');
    // The demo page sets `history`: the browser's Back button returns to the check answers page.
    await sa.goBack();
    await assessment.locator('#check-heading').waitFor();
    await shot(sa, `self-assessment-${lang}-${width}-check`, 'cls-self-assessment');
    await sa.close();
  }
}
await browser.close();
console.log(`Screenshots in ${out}/`);
