import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/feedback/define.ts';
import '../../src/elements/kiosk/define.ts';
import '../../src/elements/self-assessment/define.ts';
import type { ClsHubFinder } from '../../src/elements/hub-finder/hub-finder.ts';
import { searchAndWait } from './hub-finder-support.ts';
import { expectAccessible } from './support.ts';

/*
 * The example themes in themes/ (#18): each is only `--cls-*` tokens on the
 * page, and with each one applied every element state here still passes axe
 * (colour contrast included), in English and Welsh.
 */

const THEMES = ['council-blue', 'high-contrast', 'welsh-council'] as const;

/** The theme's stylesheet as a site would include it, and the tokens it sets. */
async function applyTheme(name: string): Promise<{ sheet: HTMLStyleElement; tokens: Map<string, string> }> {
  const text = await (await fetch(`/themes/${name}.css`)).text();
  const sheet = document.createElement('style');
  sheet.textContent = text;
  document.head.append(sheet);
  const tokens = new Map([...text.matchAll(/(--cls-[a-z0-9-]+):\s*([^;]+);/g)].map((match) => [match[1] as string, (match[2] as string).trim()]));
  return { sheet, tokens };
}

/** `#1d5ea8` as the browser reports a computed colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

for (const theme of THEMES) {
  describe(`theme ${theme}`, () => {
    let applied: Awaited<ReturnType<typeof applyTheme>>;
    beforeEach(async () => {
      applied = await applyTheme(theme);
    });
    afterEach(() => applied.sheet.remove());

    for (const lang of ['en', 'cy'] as const) {
      it(`keeps every state accessible (${lang}): feedback with errors, hub results, the questionnaire's start, the kiosk bar`, async () => {
        const page = await fixture<HTMLElement>(html`<div lang=${lang}>
          <cls-kiosk>
            <cls-feedback></cls-feedback>
            <cls-hub-finder></cls-hub-finder>
            <cls-self-assessment></cls-self-assessment>
          </cls-kiosk>
        </div>`);
        const feedback = page.querySelector('cls-feedback') as HTMLElement & { updateComplete: Promise<boolean> };
        const finder = page.querySelector('cls-hub-finder') as ClsHubFinder;
        const assessment = page.querySelector('cls-self-assessment') as HTMLElement;
        await waitUntil(() => feedback.shadowRoot?.querySelector('form button[type="submit"]') && assessment.shadowRoot?.querySelector('.button'), 'loaded', { timeout: 10_000 });

        const submit = feedback.shadowRoot?.querySelector<HTMLButtonElement>('form button[type="submit"]');
        const action = applied.tokens.get('--cls-color-action');
        expect(action, 'the theme sets the action colour').to.be.a('string');
        expect(getComputedStyle(submit as Element).backgroundColor, 'the theme reaches inside the element').to.equal(rgb(action as string));

        submit?.click();
        await feedback.updateComplete;
        expect(feedback.shadowRoot?.querySelector('.error-summary'), 'the error summary shows').not.to.equal(null);
        await searchAndWait(finder);
        await expectAccessible(page.querySelector('cls-kiosk') as Element);
      });
    }
  });
}

describe('styling from the host page', () => {
  it('reaches inside only through ::part and --cls-* tokens: the host’s own rules for the same classes change nothing', async () => {
    const sheet = document.createElement('style');
    // A CMS stylesheet aimed at the same class names the element uses inside, and a deliberate ::part rule.
    sheet.textContent = `
      .hint, .button, .label { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
      button { background: rgb(255, 0, 255) !important; }
      cls-feedback::part(button) { background-color: rgb(17, 34, 51); }
      cls-feedback::part(textarea) { border-color: rgb(200, 100, 0); }
    `;
    document.head.append(sheet);
    try {
      const feedback = await fixture<HTMLElement>(html`<cls-feedback lang="en"></cls-feedback>`);
      await waitUntil(() => feedback.shadowRoot?.querySelector('form button[type="submit"]'), 'rendered');
      const inside = (selector: string) => getComputedStyle(feedback.shadowRoot?.querySelector(selector) as Element);
      expect(inside('form button[type="submit"]').backgroundColor, 'the ::part rule styles the button').to.equal('rgb(17, 34, 51)');
      expect(inside('#comment').borderTopColor, 'and the comment box').to.equal('rgb(200, 100, 0)');
      expect(inside('.hint').color, 'the host’s .hint rule does not reach the hint').not.to.equal('rgb(255, 0, 0)');
      expect(inside('.hint').fontSize, 'nor its size').not.to.equal('40px');
      expect(inside('.label').color).not.to.equal('rgb(255, 0, 0)');
    } finally {
      sheet.remove();
    }
  });
});
