import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
// sinon's ESM build carries @sinonjs/fake-timers; the package itself is CommonJS only and can't load in the browser as is.
import sinon, { type SinonFakeTimers } from 'sinon';
import { LocaleController } from '../../src/i18n/locale-controller.ts';
import { createLocalizer } from '../../src/i18n/localizer.ts';
import { notification } from '../../src/shared-ui/notification.ts';
import { sharedStyles } from '../../src/shared-ui/styles.ts';
import { InactivityTimeout, timeoutExpiredNotice, timeoutWarning, timeoutWarningStyles, type ExpiryReason } from '../../src/shared-ui/timeout-warning.ts';
import { tokens } from '../../src/theme/tokens.ts';
import { accessibleOnFakeClock as accessible, focused } from './support.ts';

const localizer = createLocalizer({ en: {}, cy: async () => ({}) }, 'test');

/** The smallest host: one answer, deleted on expiry, and the expired notice on the "start page". */
class TimeoutTestElement extends LitElement {
  static override styles = [tokens, ...sharedStyles, timeoutWarningStyles];
  static override properties = {
    timeout: { type: Number },
    answer: { state: true },
    expired: { state: true },
  };

  declare timeout: number | undefined;
  declare answer: string;
  declare expired: ExpiryReason | undefined;
  readonly expiries: ExpiryReason[] = [];
  private readonly locale = new LocaleController(this, localizer);
  readonly inactivity = new InactivityTimeout(this, {
    minutes: () => this.timeout,
    active: () => this.answer !== '',
    onExpire: (reason) => {
      this.expiries.push(reason);
      this.answer = '';
      this.expired = reason;
    },
  });

  constructor() {
    super();
    this.answer = '';
  }

  protected override render(): TemplateResult {
    const { t } = this.locale;
    const notice = this.expired ? timeoutExpiredNotice(this.inactivity, t, this.expired) : undefined;
    return html`<div class="root" lang=${this.locale.lang}>
      ${notice ? notification({ title: notice.title, body: html`<p>${notice.body}</p>` }) : nothing}
      <label class="label" for="answer">Your name</label>
      <input
        class="input"
        id="answer"
        .value=${this.answer}
        @input=${(event: Event) => {
          this.answer = (event.target as HTMLInputElement).value;
          this.expired = undefined;
        }}
      />
      ${timeoutWarning(this.inactivity, t)}
    </div>`;
  }
}
customElements.define('test-timeout-warning', TimeoutTestElement);

declare global {
  interface HTMLElementTagNameMap {
    'test-timeout-warning': TimeoutTestElement;
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const TEXT = {
  en: { heading: 'You will lose your answers soon', twoMinutes: 'in 2 minutes to protect your privacy', later: 'in 1 minute 59 seconds', continue: 'Continue with my answers' },
  cy: { heading: 'Byddwch chi’n colli eich atebion cyn bo hir', twoMinutes: 'ymhen 2 funud i ddiogelu', later: 'ymhen 1 munud 59 eiliad', continue: 'Parhau gyda fy atebion' },
} as const;

let clock: SinonFakeTimers;

const dialog = (el: TimeoutTestElement) => el.shadowRoot?.querySelector('dialog') ?? null;
const isOpen = (el: TimeoutTestElement) => dialog(el)?.open ?? false;
const input = (el: TimeoutTestElement) => el.shadowRoot?.querySelector('input') as HTMLInputElement;
const visibleText = (el: TimeoutTestElement) => (el.shadowRoot?.querySelector('.timeout-countdown')?.textContent ?? '').replace(/\s+/g, ' ');
const liveText = (el: TimeoutTestElement) => (dialog(el)?.querySelector('[role="status"]')?.textContent ?? '').trim();

/** Move the fake clock on, letting promises (Lit's updates) run in between, then wait for the render. */
async function advance(el: TimeoutTestElement, ms: number): Promise<void> {
  await clock.tickAsync(ms);
  await el.updateComplete;
}

/** An element with a 5-minute timeout (warning at 3), the person typing an answer now. */
async function answered(lang: 'en' | 'cy' = 'en', timeout: string | null = '5'): Promise<TimeoutTestElement> {
  const el = await fixture<TimeoutTestElement>(fixtureHtml`<test-timeout-warning lang=${lang} timeout=${timeout ?? ''}></test-timeout-warning>`);
  input(el).focus();
  await sendKeys({ type: 'Ann' });
  await el.updateComplete;
  expect(el.answer).to.equal('Ann');
  return el;
}

describe('timeout warning (InactivityTimeout + timeoutWarning)', () => {
  beforeEach(() => {
    // Timers and Date only: Lit's updates and the test runner's messages run on promises, as usual.
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => clock.restore());

  for (const lang of ['en', 'cy'] as const) {
    it(`opens at the warning time, not before, focused on "continue" and accessible (${lang})`, async () => {
      const el = await answered(lang);
      await advance(el, 3 * MINUTE - SECOND);
      expect(isOpen(el)).to.be.false;
      await advance(el, SECOND);
      expect(isOpen(el)).to.be.true;
      const box = dialog(el) as HTMLDialogElement;
      expect(box.matches(':modal')).to.be.true;
      expect(box.querySelector('h2')?.textContent).to.equal(TEXT[lang].heading);
      expect(visibleText(el)).to.contain(TEXT[lang].twoMinutes);
      const active = focused(el);
      expect(active?.textContent?.trim()).to.equal(TEXT[lang].continue);
      expect(box.contains(active)).to.be.true;
      await accessible(el);
      await advance(el, SECOND);
      expect(visibleText(el)).to.contain(TEXT[lang].later);
    });
  }

  it('focuses the heading instead when the dialog must scroll (400 % zoom on a small screen), and still fits the width', async () => {
    await setViewport({ width: 320, height: 180 });
    try {
      const el = await answered();
      await advance(el, 3 * MINUTE);
      const box = dialog(el) as HTMLDialogElement;
      expect(box.open).to.be.true;
      expect(focused(el)).to.equal(box.querySelector('h2'));
      expect(box.scrollHeight).to.be.greaterThan(box.clientHeight, 'the dialog scrolls');
      expect(box.scrollWidth).to.be.at.most(box.clientWidth, 'no sideways scrolling');
      expect(box.getBoundingClientRect().right).to.be.at.most(320);
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.textContent?.trim()).to.equal('Continue with my answers');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(isOpen(el)).to.be.false;
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('Enter on "Continue" closes it, returns focus and restarts the countdown', async () => {
    const el = await answered();
    await advance(el, 3 * MINUTE + 10 * SECOND);
    expect(isOpen(el)).to.be.true;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(isOpen(el)).to.be.false;
    expect(focused(el)).to.equal(input(el));
    await advance(el, 2 * MINUTE);
    expect(el.expiries).to.deep.equal([], 'no expiry at the old deadline');
    expect(el.answer).to.equal('Ann');
    await advance(el, MINUTE - SECOND);
    expect(isOpen(el)).to.be.false;
    await advance(el, SECOND);
    expect(isOpen(el)).to.be.true;
  });

  it('Space on "Continue" extends too', async () => {
    const el = await answered();
    await advance(el, 3 * MINUTE);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(isOpen(el)).to.be.false;
    await advance(el, 2 * MINUTE + SECOND);
    expect(el.expiries).to.deep.equal([]);
  });

  it('Escape extends, and never deletes', async () => {
    const el = await answered();
    await advance(el, 4 * MINUTE);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(isOpen(el)).to.be.false;
    await advance(el, 2 * MINUTE);
    expect(el.expiries).to.deep.equal([]);
    expect(el.answer).to.equal('Ann');
  });

  it('"Delete my answers now" deletes at once', async () => {
    const el = await answered();
    await advance(el, 3 * MINUTE);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Delete my answers now');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.expiries).to.deep.equal(['deleted']);
    expect(isOpen(el)).to.be.false;
    expect(el.answer).to.equal('');
    expect(el.shadowRoot?.textContent).to.contain('We deleted your answers, as you asked.');
    await advance(el, 10 * MINUTE);
    expect(el.expiries).to.deep.equal(['deleted'], 'nothing left to warn about');
  });

  it('left alone, it deletes the answers at the deadline and closes', async () => {
    const el = await answered();
    await advance(el, 5 * MINUTE - SECOND);
    expect(isOpen(el)).to.be.true;
    expect(el.expiries).to.deep.equal([]);
    await advance(el, SECOND);
    expect(el.expiries).to.deep.equal(['timeout']);
    expect(isOpen(el)).to.be.false;
    expect(el.answer).to.equal('');
    expect(input(el).value).to.equal('');
    expect(el.shadowRoot?.textContent).to.contain('We deleted your answers because you did not do anything for 5 minutes.');
    await accessible(el);
  });

  it('a stray key press while warning does not dismiss it', async () => {
    const el = await answered();
    await advance(el, 3 * MINUTE);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(isOpen(el)).to.be.true;
    expect(dialog(el)?.contains(focused(el))).to.be.true;
    await advance(el, 2 * MINUTE);
    expect(el.expiries).to.deep.equal(['timeout']);
  });

  it('keeps Tab and Shift+Tab going round the warning’s two buttons, never to nothing', async () => {
    const el = await answered();
    await advance(el, 3 * MINUTE);
    const label = () => (focused(el)?.textContent ?? '').trim();
    expect(label()).to.equal(TEXT.en.continue);
    await sendKeys({ press: 'Tab' });
    expect(label()).to.equal('Delete my answers now');
    await sendKeys({ press: 'Tab' });
    expect(label(), 'from the last button back to the first').to.equal(TEXT.en.continue);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(label(), 'and from the first back to the last').to.equal('Delete my answers now');
    expect(isOpen(el)).to.be.true;
  });

  it('activity before the warning postpones it', async () => {
    const el = await answered();
    await advance(el, 2 * MINUTE);
    await sendKeys({ type: 'e' });
    await advance(el, 3 * MINUTE - SECOND);
    expect(isOpen(el)).to.be.false;
    await advance(el, SECOND);
    expect(isOpen(el)).to.be.true;
  });

  it('tells screen readers the time left every 30 seconds, not every second', async () => {
    const el = await answered();
    await advance(el, 3 * MINUTE);
    expect(liveText(el)).to.equal('', 'the dialog itself says it on opening');
    await advance(el, 29 * SECOND);
    expect(liveText(el)).to.equal('');
    await advance(el, SECOND);
    expect(liveText(el)).to.equal('We will delete your answers in 1 minute 30 seconds.');
    await advance(el, 5 * SECOND);
    expect(liveText(el)).to.equal('We will delete your answers in 1 minute 30 seconds.');
    expect(visibleText(el)).to.contain('in 1 minute 25 seconds');
    await advance(el, 25 * SECOND);
    expect(liveText(el)).to.equal('We will delete your answers in 1 minute.');
  });

  it('does nothing without a timeout, or with nothing to lose', async () => {
    const none = await answered('en', null);
    expect(dialog(none)).to.be.null;
    await advance(none, 60 * MINUTE);
    expect(none.expiries).to.deep.equal([]);

    const empty = await fixture<TimeoutTestElement>(fixtureHtml`<test-timeout-warning timeout="5"></test-timeout-warning>`);
    input(empty).focus();
    await sendKeys({ press: 'Tab' });
    await advance(empty, 60 * MINUTE);
    expect(isOpen(empty)).to.be.false;
    expect(empty.expiries).to.deep.equal([]);
  });
});
