import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/feedback/define.ts';
import type { ClsFeedback } from '../../src/elements/feedback/feedback.ts';

/**
 * Welsh strings are fetched only when an element is shown in Welsh: a page
 * in English downloads none, and a Welsh element's first render is already
 * Welsh (never a flash of English). Its own file, so no other test has
 * fetched Welsh on this page first.
 */
const welshFetched = () => performance.getEntriesByType('resource').some((entry) => /\.locales\.cy\.|common\.cy\./.test(entry.name));
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('Languages on demand', () => {
  it('fetches no Welsh for an English page, and renders Welsh from the first render on a Welsh one', async () => {
    const english = await fixture<ClsFeedback>(html`<cls-feedback lang="en"></cls-feedback>`);
    expect(text(english)).to.contain('Give feedback');
    expect(welshFetched(), 'Welsh strings fetched for an English page').to.equal(false);

    let firstRender = '';
    const welsh = document.createElement('cls-feedback') as ClsFeedback;
    welsh.setAttribute('lang', 'cy');
    void welsh.updateComplete.then(() => (firstRender = text(welsh)));
    document.body.append(welsh);
    await welsh.updateComplete;
    await waitUntil(() => firstRender, 'the first render');
    expect(firstRender).to.contain('Rhoi adborth');
    expect(firstRender).not.to.contain('Give feedback');
    expect(welshFetched()).to.equal(true);
    welsh.remove();
  });

  it('switches an English element to Welsh when its language changes', async () => {
    const feedback = await fixture<ClsFeedback>(html`<cls-feedback lang="en"></cls-feedback>`);
    expect(text(feedback)).to.contain('Give feedback');
    feedback.setAttribute('lang', 'cy');
    await waitUntil(() => text(feedback).includes('Rhoi adborth'), 'Welsh after the switch');
    expect(text(feedback)).not.to.contain('Give feedback');
  });
});
