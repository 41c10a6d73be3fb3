import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/feedback/define.ts';
import type { ClsFeedback } from '../../src/elements/feedback/feedback.ts';
import { FeedbackList } from '../../src/contract/feedback.ts';
import { STAFF_TOKEN, expectAccessible, faultName, focused, heal } from './support.ts';

type Lang = 'en' | 'cy';

const TEXT = {
  en: {
    heading: 'Give feedback',
    submit: 'Send feedback',
    summary: 'There is a problem',
    helpfulRequired: 'Select how helpful this was',
    easeRequired: 'Select how easy it was to find what you needed',
    tooLong: 'Comments must be 1,000 characters or fewer',
    thanks: 'Thank you for your feedback',
    failed: 'Your feedback has not been sent',
    server: 'Something went wrong on our side',
    network: 'We could not reach the service',
    offline: 'You appear to be offline',
    timeout: 'taking too long',
    sending: 'Sending',
    remaining: 'You have 1,000 characters remaining',
    tryAgain: 'Try again',
  },
  cy: {
    heading: 'Rhoi adborth',
    submit: 'Anfon adborth',
    summary: 'Mae problem wedi codi',
    helpfulRequired: 'Dewiswch pa mor ddefnyddiol oedd hyn',
    easeRequired: 'Dewiswch pa mor hawdd oedd hi i ddod o hyd i’r hyn yr oedd ei angen arnoch',
    tooLong: 'Rhaid i’r sylwadau fod yn 1,000 nod neu lai',
    thanks: 'Diolch am eich adborth',
    failed: 'Nid yw eich adborth wedi’i anfon',
    server: 'Aeth rhywbeth o’i le ar ein hochr ni',
    network: 'Doedd dim modd i ni gysylltu â’r gwasanaeth',
    offline: 'Mae’n ymddangos eich bod all-lein',
    timeout: 'gormod o amser',
    sending: 'Wrthi’n anfon',
    remaining: 'Mae gennych 1,000 nod ar ôl',
    tryAgain: 'Rhowch gynnig arall arni',
  },
} as const;

const root = (el: ClsFeedback) => el.shadowRoot as ShadowRoot;
const text = (el: ClsFeedback) => (root(el).textContent ?? '').replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: ClsFeedback, selector: string) => root(el).querySelector<T>(selector);
const submitButton = (el: ClsFeedback) => $<HTMLButtonElement>(el, 'form button[type="submit"]') as HTMLButtonElement;

async function make(lang: Lang, apiBase = '/api/v1', extra: Partial<Record<'hub' | 'source' | 'timeout', string>> = {}): Promise<ClsFeedback> {
  return fixture<ClsFeedback>(html`<cls-feedback
    lang=${lang}
    api-base=${apiBase}
    hub=${extra.hub ?? 'Test hub'}
    source=${extra.source ?? 'browser-tests'}
    timeout=${extra.timeout ?? '10000'}
  ></cls-feedback>`);
}

function choose(el: ClsFeedback, field: 'helpful' | 'ease', score: number): void {
  const input = $<HTMLInputElement>(el, `#${field}-${score - 1}`) as HTMLInputElement;
  input.click();
}

async function typeComment(el: ClsFeedback, value: string): Promise<void> {
  const textarea = $<HTMLTextAreaElement>(el, '#comment') as HTMLTextAreaElement;
  textarea.value = value;
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function staffFeedback(): Promise<FeedbackList> {
  const response = await fetch('/api/v1/staff/feedback?limit=500', { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });
  return FeedbackList.parse(await response.json());
}

async function fill(el: ClsFeedback, comment: string): Promise<void> {
  choose(el, 'helpful', 4);
  choose(el, 'ease', 2);
  await typeComment(el, comment);
}

for (const lang of ['en', 'cy'] as const) {
  const t = TEXT[lang];

  describe(`<cls-feedback> in ${lang}`, () => {
    it('starts empty, labelled in the language, and accessible', async () => {
      const el = await make(lang);
      expect(text(el)).to.contain(t.heading);
      expect(text(el)).to.contain(t.remaining);
      expect(submitButton(el).textContent?.trim()).to.equal(t.submit);
      expect(root(el).querySelectorAll('input[type="radio"]:checked')).to.have.length(0);
      expect($(el, '.root')?.getAttribute('lang')).to.equal(lang);
      // Every radio is labelled and grouped under a legend.
      for (const legend of root(el).querySelectorAll('fieldset legend')) expect(legend.textContent?.trim()).to.not.equal('');
      await expectAccessible(el);
    });

    it('shows the error summary, focused, with links to each missing answer', async () => {
      const el = await make(lang);
      submitButton(el).click();
      await el.updateComplete;
      const summary = $(el, '.error-summary') as HTMLElement;
      expect(summary, 'error summary').to.exist;
      expect(summary.textContent).to.contain(t.summary);
      expect(focused(el)).to.equal(summary);
      const links = [...summary.querySelectorAll('a')].map((a) => a.textContent?.trim());
      expect(links).to.deep.equal([t.helpfulRequired, t.easeRequired]);
      // Inline errors too, tied to the question for screen readers.
      const fieldset = $(el, '#helpful') as HTMLElement;
      expect(fieldset.getAttribute('aria-describedby')).to.contain('helpful-error');
      expect($(el, '#helpful-error')?.textContent).to.contain(t.helpfulRequired);
      await expectAccessible(el);

      // The link moves focus to the question's first option, without touching the page URL.
      const before = location.href;
      (summary.querySelector('a') as HTMLAnchorElement).click();
      expect(focused(el)?.id).to.equal('helpful-0');
      expect(location.href).to.equal(before);
    });

    it('counts characters and rejects a comment over 1,000 characters, keeping the text', async () => {
      const el = await make(lang);
      choose(el, 'helpful', 5);
      choose(el, 'ease', 5);
      const long = 'a'.repeat(1003);
      await typeComment(el, long);
      expect($(el, '#comment-count')?.classList.contains('count--over')).to.equal(true);
      expect($(el, '#comment-count')?.textContent).to.match(/3/);
      submitButton(el).click();
      await el.updateComplete;
      expect($(el, '.error-summary')?.textContent).to.contain(t.tooLong);
      expect(($(el, '#comment') as HTMLTextAreaElement).value).to.equal(long);
      expect(($(el, '#comment') as HTMLTextAreaElement).getAttribute('aria-invalid')).to.equal('true');
      await expectAccessible(el);
    });

    it('shows a busy button while sending, then a focused thank-you panel, and stores the answers', async () => {
      const name = faultName();
      const el = await make(lang, `/faults/${name}/hang/api/v1`);
      const comment = `Submitting test ${name}`;
      await fill(el, comment);
      submitButton(el).click();
      await waitUntil(() => submitButton(el)?.getAttribute('aria-disabled') === 'true', 'button busy');
      expect(submitButton(el).textContent).to.contain(t.sending);
      expect($(el, '[role="status"]')?.textContent).to.contain(t.sending);
      await expectAccessible(el);

      // A second press while busy sends nothing more.
      submitButton(el).click();
      const event = oneEvent(el, 'cls-feedback-submit');
      await heal(name);
      const { detail } = await event;
      await el.updateComplete;
      const panel = $(el, '.panel') as HTMLElement;
      expect(panel.textContent).to.contain(t.thanks);
      expect(focused(el)).to.equal(panel);
      await expectAccessible(el);

      const stored = (await staffFeedback()).items.filter((item) => item.comment === comment);
      expect(stored).to.have.length(1);
      expect(stored[0]).to.include({ id: detail.id, helpful: 4, ease: 2, hub: 'Test hub', source: 'browser-tests', lang });
    });

    it('keeps every answer when the server is down, and "Try again" sends them once', async () => {
      const name = faultName();
      const el = await make(lang, `/faults/${name}/down/api/v1`);
      const comment = `Server down test ${name}`;
      await fill(el, comment);
      submitButton(el).click();
      await waitUntil(() => $(el, '.notification'), 'failure banner', { timeout: 10_000 });
      const banner = $(el, '.notification') as HTMLElement;
      expect(banner.textContent).to.contain(t.failed);
      expect(banner.textContent).to.contain(t.server);
      expect(focused(el)).to.equal(banner);
      expect(($(el, '#helpful-3') as HTMLInputElement).checked).to.equal(true);
      expect(($(el, '#ease-1') as HTMLInputElement).checked).to.equal(true);
      expect(($(el, '#comment') as HTMLTextAreaElement).value).to.equal(comment);
      await expectAccessible(el);

      await heal(name);
      const retry = [...banner.querySelectorAll('button')].find((button) => button.textContent?.includes(t.tryAgain));
      expect(retry, 'try again button').to.exist;
      retry?.click();
      await waitUntil(() => $(el, '.panel'), 'thank-you panel');
      expect((await staffFeedback()).items.filter((item) => item.comment === comment)).to.have.length(1);
    });

    it('says the service could not be reached when the connection drops', async () => {
      const name = faultName();
      const el = await make(lang, `/faults/${name}/reset/api/v1`);
      await fill(el, 'connection drops');
      submitButton(el).click();
      await waitUntil(() => $(el, '.notification'), 'failure banner', { timeout: 10_000 });
      expect($(el, '.notification')?.textContent).to.contain(t.network);
      expect(($(el, '#comment') as HTMLTextAreaElement).value).to.equal('connection drops');
      await expectAccessible(el);
    });

    it('says it is offline when the device is offline, and keeps the answers', async () => {
      const el = await make(lang);
      await fill(el, 'offline');
      // The runner's own link to the page is cut while offline, so the page
      // presses "Send" itself the moment it goes offline.
      window.addEventListener('offline', () => submitButton(el).click(), { once: true });
      const back = new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
      const command = executeServerCommand('go-offline', { ms: 1500 });
      await waitUntil(() => $(el, '.notification'), 'failure banner', { timeout: 10_000 });
      await back;
      await command;
      expect($(el, '.notification')?.textContent).to.contain(t.offline);
      expect(($(el, '#comment') as HTMLTextAreaElement).value).to.equal('offline');
      await expectAccessible(el);
    });

    it('gives up on a server that does not answer and says it is slow', async () => {
      const name = faultName();
      const el = await make(lang, `/faults/${name}/hang/api/v1`, { timeout: '300' });
      await fill(el, 'slow server');
      submitButton(el).click();
      await waitUntil(() => $(el, '.notification'), 'failure banner', { timeout: 10_000 });
      expect($(el, '.notification')?.textContent).to.contain(t.timeout);
      await expectAccessible(el);
      await heal(name);
    });
  });
}

describe('<cls-feedback> across languages and pages', () => {
  it('follows a language switch on the page without losing answers', async () => {
    document.documentElement.lang = 'en';
    const wrapper = await fixture<HTMLDivElement>(html`<div><cls-feedback api-base="/api/v1"></cls-feedback></div>`);
    const el = wrapper.querySelector('cls-feedback') as ClsFeedback;
    await fill(el, 'Switching language');
    document.documentElement.lang = 'cy';
    try {
      await waitUntil(() => text(el).includes(TEXT.cy.heading), 'Welsh heading');
      expect(($(el, '#helpful-3') as HTMLInputElement).checked).to.equal(true);
      expect(($(el, '#comment') as HTMLTextAreaElement).value).to.equal('Switching language');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('lets two widgets in different languages share a page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <cls-feedback lang="cy" api-base="/api/v1"></cls-feedback>
      <cls-feedback lang="en" api-base="/api/v1"></cls-feedback>
    </div>`);
    const [welsh, english] = [...wrapper.querySelectorAll('cls-feedback')] as ClsFeedback[];
    expect(text(welsh as ClsFeedback)).to.contain(TEXT.cy.heading);
    expect(text(english as ClsFeedback)).to.contain(TEXT.en.heading);
  });

  it('takes its language from the nearest lang on the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<section lang="cy-GB"><cls-feedback api-base="/api/v1"></cls-feedback></section>`);
    expect(text(wrapper.querySelector('cls-feedback') as ClsFeedback)).to.contain(TEXT.cy.heading);
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await make('en');
    const comment = `Keyboard only ${faultName()}`;
    const submitted = oneEvent(el, 'cls-feedback-submit');
    ($(el, '#helpful-0') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowDown' }); // 2
    await sendKeys({ press: 'ArrowDown' }); // 3
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('name')).to.equal('ease');
    await sendKeys({ press: 'Space' }); // 1
    await sendKeys({ press: 'ArrowDown' }); // 2
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('comment');
    await sendKeys({ type: comment });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(submitButton(el));
    await sendKeys({ press: 'Enter' });
    const { detail } = await submitted;
    const stored = (await staffFeedback()).items.find((item) => item.id === detail.id);
    expect(stored).to.include({ helpful: 3, ease: 2, comment });
  });

  it('fires a bubbling, composed cls-feedback-submit with only the record id', async () => {
    const el = await make('en');
    await fill(el, 'event test');
    const listener = oneEvent(document, 'cls-feedback-submit');
    submitButton(el).click();
    const event = await listener;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(Object.keys(event.detail)).to.deep.equal(['id']);
  });

  it('takes its API from the page config when it has no api-base', async () => {
    const name = faultName();
    const config = document.createElement('script');
    config.type = 'application/json';
    config.id = 'cls-config';
    config.textContent = JSON.stringify({ apiBase: `/faults/${name}/ok/api/v1` });
    document.head.append(config);
    try {
      // A fresh document-level config is read when the element first sends.
      const el = await fixture<ClsFeedback>(html`<cls-feedback lang="en"></cls-feedback>`);
      await fill(el, 'page config');
      const sent = oneEvent(el, 'cls-feedback-submit');
      submitButton(el).click();
      await sent;
      const { count } = (await (await fetch(`/faults/${name}/count`)).json()) as { count: number };
      expect(count).to.equal(1);
    } finally {
      config.remove();
    }
  });

  it('leaves out a bad hub attribute instead of blocking the resident', async () => {
    const el = await make('en', '/api/v1', { hub: 'x'.repeat(121) });
    const comment = `bad hub ${faultName()}`;
    await fill(el, comment);
    const sent = oneEvent(el, 'cls-feedback-submit');
    submitButton(el).click();
    const { detail } = await sent;
    const stored = (await staffFeedback()).items.find((item) => item.id === detail.id);
    expect(stored?.comment).to.equal(comment);
    expect(stored?.hub).to.equal(undefined);
  });

  it('is not restyled by hostile page CSS, and mirrors in right-to-left pages', async () => {
    const style = document.createElement('style');
    style.textContent = `* { text-transform: uppercase !important; font-size: 8px !important; letter-spacing: 4px !important }
      label, legend { display: none !important }`;
    document.head.append(style);
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><cls-feedback lang="en" api-base="/api/v1"></cls-feedback></div>`);
      const el = wrapper.querySelector('cls-feedback') as ClsFeedback;
      const label = $(el, 'label[for="helpful-0"]') as HTMLElement;
      const labelStyle = getComputedStyle(label);
      expect(labelStyle.display).to.not.equal('none');
      expect(labelStyle.textTransform).to.equal('none');
      expect(parseFloat(labelStyle.fontSize)).to.be.greaterThan(14);
      submitButton(el).click();
      await el.updateComplete;
      const group = $(el, '.form-group--error') as HTMLElement;
      // The error bar sits at the start of the line: the right in RTL.
      expect(getComputedStyle(group).borderRightWidth).to.equal('5px');
      expect(getComputedStyle(group).borderLeftWidth).to.equal('0px');
    } finally {
      style.remove();
    }
  });
});
