import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { isAbort } from '../../src/client/errors.ts';
import { FeedbackCreated, FeedbackList } from '../../src/contract/feedback.ts';
import { Health } from '../../src/contract/health.ts';
import { ApiController } from '../../src/elements/base/api-controller.ts';
import { ClsElement } from '../../src/elements/base/cls-element.ts';
import { defineElement } from '../../src/elements/define-element.ts';
import { createLocalizer } from '../../src/i18n/localizer.ts';
import { STAFF_TOKEN, faultName, heal } from './support.ts';

/** The smallest element on the base: a heading and whatever a test asks it to fetch. */
class ClsBaseProbe extends ClsElement {
  static override localizer = createLocalizer({ en: {}, cy: async () => ({}) }, 'test');
  api = new ApiController(this);
  protected override render(): TemplateResult {
    return html`<div role="heading" aria-level=${this.headings.main}>${this.locale.t('loading')}</div>
      <div role="heading" aria-level=${this.headings.sub}>${this.locale.t('tryAgain')}</div>`;
  }
  announce(): boolean {
    return this.emit('cls-base-probe', { value: 1 }, { cancelable: true });
  }
}
defineElement('cls-base-probe', ClsBaseProbe);

declare global {
  interface HTMLElementEventMap {
    'cls-base-probe': CustomEvent<{ value: number }>;
  }
  interface HTMLElementTagNameMap {
    'cls-base-probe': ClsBaseProbe;
  }
}

const levels = (el: ClsBaseProbe) => [...(el.shadowRoot?.querySelectorAll('[role="heading"]') ?? [])].map((node) => node.getAttribute('aria-level'));
const count = async (name: string) => ((await (await fetch(`/faults/${name}/count`)).json()) as { count: number }).count;

describe('ClsElement', () => {
  it('puts its headings where heading-level says, inner ones one below, within 2–6', async () => {
    const el = await fixture<ClsBaseProbe>(fixtureHtml`<cls-base-probe heading-level="4"></cls-base-probe>`);
    expect(levels(el)).to.deep.equal(['4', '5']);
    el.headingLevel = 6;
    await el.updateComplete;
    expect(levels(el)).to.deep.equal(['6', '6']);
    el.setAttribute('heading-level', 'x');
    await el.updateComplete;
    expect(levels(el)).to.deep.equal(['2', '3']);
  });

  it('speaks the nearest language on the page', async () => {
    const wrapper = await fixture<HTMLElement>(fixtureHtml`<div lang="cy"><cls-base-probe></cls-base-probe></div>`);
    const el = wrapper.querySelector('cls-base-probe') as ClsBaseProbe;
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).to.contain('Wrthi’n llwytho');
  });

  it('sends cls-* events out of the shadow root to the page, cancelable when asked', async () => {
    const wrapper = await fixture<HTMLElement>(fixtureHtml`<div><cls-base-probe></cls-base-probe></div>`);
    const el = wrapper.querySelector('cls-base-probe') as ClsBaseProbe;
    let seen: unknown;
    wrapper.addEventListener('cls-base-probe', (event) => {
      seen = event.detail;
      event.preventDefault();
    });
    expect(el.announce()).to.equal(false);
    expect(seen).to.deep.equal({ value: 1 });
  });
});

describe('ApiController', () => {
  it('uses the page configuration when the element has no api-base', async () => {
    const config = document.createElement('script');
    config.type = 'application/json';
    config.id = 'cls-config';
    config.textContent = JSON.stringify({ apiBase: 'https://council.example/api/v1' });
    document.body.append(config);
    try {
      const el = await fixture<ClsBaseProbe>(fixtureHtml`<cls-base-probe></cls-base-probe>`);
      expect(el.api.baseUrl).to.equal('https://council.example/api/v1');
      el.apiBase = '/api/v1';
      expect(el.api.baseUrl).to.equal('/api/v1');
    } finally {
      config.remove();
    }
  });

  it('cancels a request in flight when the element leaves the page', async () => {
    const name = faultName();
    const el = await fixture<ClsBaseProbe>(fixtureHtml`<cls-base-probe api-base="/faults/${name}/hang/api/v1"></cls-base-probe>`);
    const request = el.api.get('healthz', Health).then(
      () => 'answered',
      (error: unknown) => (isAbort(error) ? 'cancelled' : `failed: ${String(error)}`),
    );
    while ((await count(name)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    el.remove();
    expect(await request).to.equal('cancelled');
    await heal(name);
  });

  it('sends a retried submission under the same Idempotency-Key, so one record is stored', async () => {
    const name = faultName();
    const el = await fixture<ClsBaseProbe>(fixtureHtml`<cls-base-probe api-base="/faults/${name}/hang/api/v1"></cls-base-probe>`);
    el.api = new ApiController(el, { timeoutMs: () => 300 });
    const body = { helpful: 5, ease: 4, comment: `probe ${name}` };
    const stored = async () => (await staffFeedback()).items.filter((item) => item.comment === body.comment);
    // The first attempt reaches the server only after the element gave up on it: the answer is lost.
    const first = await el.api.submit('feedback', body, FeedbackCreated).then(
      () => 'stored',
      (error: unknown) => (error as { kind?: string }).kind,
    );
    expect(first).to.equal('timeout');
    await heal(name);
    while ((await stored()).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const retried = await el.api.submit('feedback', body, FeedbackCreated);
    expect((await stored()).map((item) => item.id)).to.deep.equal([retried.id]);
    // After a success the same answers again are a new submission.
    const another = await el.api.submit('feedback', body, FeedbackCreated);
    expect(another.id).to.not.equal(retried.id);
    expect(await stored()).to.have.length(2);
  });
});

async function staffFeedback(): Promise<FeedbackList> {
  const response = await fetch('/api/v1/staff/feedback?limit=500', { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });
  return FeedbackList.parse(await response.json());
}
