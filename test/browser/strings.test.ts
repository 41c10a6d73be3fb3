import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/hub-finder/define.ts';
import '../../src/elements/feedback/define.ts';
import type { ClsHubFinder } from '../../src/elements/hub-finder/hub-finder.ts';
import { expectAccessible } from './support.ts';

/*
 * A council's own words (#18): strings from the page's #cls-config for
 * every element of a kind, an element's own `strings` over them, in English
 * and Welsh, and a clear console warning for a key that is not a string.
 */

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const shown = (el: HTMLElement) => squash(el.shadowRoot?.textContent);

function pageConfig(config: unknown): () => void {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = 'cls-config';
  script.textContent = JSON.stringify(config);
  document.head.append(script);
  return () => script.remove();
}

describe('strings a site can change', () => {
  let remove: (() => void) | undefined;
  afterEach(() => {
    remove?.();
    remove = undefined;
    document.documentElement.lang = 'en';
    sinon.restore();
  });

  it('uses the page’s words for an element, in each language, and an element’s own words over them', async () => {
    remove = pageConfig({
      apiBase: '/api/v1',
      strings: {
        en: { 'cls-hub-finder': { heading: 'Find a talking point near you', 'manage.open': 'Change or cancel a booking' } },
        cy: { 'cls-hub-finder': { heading: 'Dod o hyd i fan siarad yn eich ardal' } },
      },
    });
    const el = await fixture<ClsHubFinder>(html`<cls-hub-finder></cls-hub-finder>`);
    await el.updateComplete;
    expect(shown(el)).to.contain('Find a talking point near you');
    expect(shown(el)).to.contain('Change or cancel a booking');
    expect(shown(el)).to.not.contain('Find a community hub near you');
    await expectAccessible(el);

    document.documentElement.lang = 'cy';
    await waitUntil(() => shown(el).includes('Dod o hyd i fan siarad yn eich ardal'), 'the Welsh words');
    // A string the page did not change in Welsh is the element's own Welsh.
    expect(shown(el)).to.contain('Rheoli trefniant');

    document.documentElement.lang = 'en';
    await waitUntil(() => shown(el).includes('Find a talking point near you'), 'back in English');
    el.strings = { en: { heading: 'Talking points in Borsetshire' } };
    await el.updateComplete;
    expect(shown(el), 'the element’s own words win').to.contain('Talking points in Borsetshire');
    expect(shown(el), 'the page’s other words stay').to.contain('Change or cancel a booking');
    el.strings = undefined;
    await el.updateComplete;
    expect(shown(el)).to.contain('Find a talking point near you');
  });

  it('leaves another kind of element alone, and says on the console which key changes nothing', async () => {
    const warn = sinon.stub(console, 'warn');
    remove = pageConfig({ strings: { en: { 'cls-hub-finder': { heading: 'Find a talking point near you' }, 'cls-feedback': { 'no-such.string': 'x' } } } });
    const feedback = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<cls-feedback api-base="/api/v1"></cls-feedback>`);
    await feedback.updateComplete;
    expect(shown(feedback)).to.not.contain('talking point');
    expect(warn.args.map((args) => String(args[0])).join(' / ')).to.match(/<cls-feedback>: "no-such\.string" \(en\) is not one of its strings/);
  });
});
