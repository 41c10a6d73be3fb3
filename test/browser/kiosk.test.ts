import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
// sinon's ESM build carries @sinonjs/fake-timers (which is CommonJS only).
import sinon, { type SinonFakeTimers } from 'sinon';
import '../../src/elements/feedback/define.ts';
import '../../src/elements/hub-finder/define.ts';
import '../../src/elements/kiosk/define.ts';
import '../../src/elements/resource-wheel/define.ts';
import '../../src/elements/self-assessment/define.ts';
import type { ClsKiosk, KioskClearDetail } from '../../src/elements/kiosk/kiosk.ts';
import { accessibleOnFakeClock, expectAccessible, focused } from './support.ts';

/*
 * <cls-kiosk> around the resident elements, over the real API: the idle
 * warning with its countdown, "I'm still here", and the clearing that leaves
 * nothing of the last person in memory, storage, IndexedDB or the address;
 * plus the kiosk rules each element follows inside it.
 */

type Lang = 'en' | 'cy';
const SECOND = 1000;

const TEXT = {
  en: {
    heading: 'Are you still there?',
    countdown: 'in 1 minute',
    announced: 'This screen will be cleared in 30 seconds.',
    stillHere: 'I’m still here',
    cleared: 'The screen has been cleared for the next person.',
    finish: 'Finish and clear the screen',
    help: 'Get help from staff',
    helpAsk: 'Please ask a member of staff at the desk for help.',
    helpComing: 'Staff have been told you would like help. Someone will be with you soon.',
    start: 'Start now',
    useLocation: 'Use my location',
  },
  cy: {
    heading: 'Ydych chi’n dal yma?',
    countdown: 'ymhen 1 munud',
    announced: 'Bydd y sgrin hon yn cael ei chlirio ymhen 30 eiliad.',
    stillHere: 'Rydw i’n dal yma',
    cleared: 'Mae’r sgrin wedi’i chlirio ar gyfer y person nesaf.',
    finish: 'Gorffen a chlirio’r sgrin',
    help: 'Cael help gan staff',
    helpAsk: 'Gofynnwch i aelod o staff wrth y ddesg am help.',
    helpComing: 'Rydyn ni wedi dweud wrth y staff yr hoffech chi gael help. Bydd rhywun gyda chi cyn bo hir.',
    start: 'Dechrau nawr',
    useLocation: 'Defnyddio fy lleoliad',
  },
} as const;

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Every element under `root`, shadow roots included. */
function deep(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deep(element.shadowRoot));
  }
  return found;
}

/** The button (or button-styled link) whose words are `label`, anywhere inside `root`. */
function buttonNamed(root: Element, label: string): HTMLElement | undefined {
  return deep(root.shadowRoot ?? root).find((element): element is HTMLElement => (element.localName === 'button' || element.classList.contains('button')) && squash(element.textContent) === label);
}

const finder = (kiosk: Element) => kiosk.querySelector('cls-hub-finder') as HTMLElement & { updateComplete: Promise<boolean> };
const assessment = (kiosk: Element) => kiosk.querySelector('cls-self-assessment') as HTMLElement & { updateComplete: Promise<boolean> };
const searchBox = (kiosk: Element) => finder(kiosk).shadowRoot?.querySelector<HTMLInputElement>('#place');
const dialog = (kiosk: ClsKiosk) => kiosk.shadowRoot?.querySelector<HTMLDialogElement>('dialog');
const clsKeys = (storage: Storage) => Object.keys(storage).filter((key) => key.startsWith('cls-'));

/** A kiosk holding a hub finder, a self-assessment and a feedback form, each loaded. */
async function kioskPage(lang: Lang, attributes: { idle?: number; warning?: number } = {}): Promise<ClsKiosk> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <cls-kiosk idle-seconds=${attributes.idle ?? 30} warning-seconds=${attributes.warning ?? 60}>
      <h1>Borchester Library</h1>
      <cls-hub-finder></cls-hub-finder>
      <cls-self-assessment></cls-self-assessment>
      <cls-feedback source="kiosk-test"></cls-feedback>
    </cls-kiosk>
  </div>`);
  const kiosk = wrapper.querySelector('cls-kiosk') as ClsKiosk;
  await waitUntil(() => searchBox(kiosk) && buttonNamed(assessment(kiosk), TEXT[lang].start), 'the elements have loaded', { timeout: 10_000 });
  return kiosk;
}

/** Types into the hub finder's search box: someone using the screen. */
async function typeInFinder(kiosk: ClsKiosk, text: string): Promise<void> {
  searchBox(kiosk)?.focus();
  await sendKeys({ type: text });
  await finder(kiosk).updateComplete;
}

let clock: SinonFakeTimers | undefined;
const fakeClock = () => {
  // Timers and Date only: Lit's updates and the runner's messages run on promises.
  clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  return clock;
};
async function advance(kiosk: ClsKiosk, ms: number): Promise<void> {
  await clock?.tickAsync(ms);
  await kiosk.updateComplete;
}

afterEach(() => {
  clock?.restore();
  clock = undefined;
  history.replaceState(null, '', location.pathname);
  for (const storage of [localStorage, sessionStorage]) for (const key of clsKeys(storage)) storage.removeItem(key);
  localStorage.removeItem('host-own');
});

for (const lang of ['en', 'cy'] as const) {
  describe(`<cls-kiosk> in ${lang}`, () => {
    it('sets kiosk mode on every element inside, and on one added later', async () => {
      const kiosk = await kioskPage(lang);
      for (const tag of ['cls-hub-finder', 'cls-self-assessment', 'cls-feedback']) expect(kiosk.querySelector(tag)?.hasAttribute('kiosk'), tag).to.equal(true);
      const later = document.createElement('cls-feedback') as HTMLElement & { kiosk: boolean };
      kiosk.append(later);
      // From the moment it connects, before it reads anything from the device.
      expect(later.kiosk, 'in kiosk mode as it connects').to.equal(true);
      await waitUntil(() => later.hasAttribute('kiosk'), 'and says so in its attribute');
      await expectAccessible(kiosk);
    });

    it('after the idle time warns with a countdown, shown and announced; "I’m still here" keeps everything', async () => {
      const kiosk = await kioskPage(lang);
      fakeClock();
      await typeInFinder(kiosk, 'Borchester');

      await advance(kiosk, 30 * SECOND - 1);
      expect(dialog(kiosk)?.open ?? false, 'no warning before the idle time').to.equal(false);
      await advance(kiosk, 1);
      expect(dialog(kiosk)?.open, 'the warning after 30 seconds untouched').to.equal(true);
      const words = squash(dialog(kiosk)?.textContent);
      expect(words).to.contain(TEXT[lang].heading);
      expect(words).to.contain(TEXT[lang].countdown);
      expect(squash(focused(kiosk)?.textContent), 'focus on the one button a returning person needs').to.equal(TEXT[lang].stillHere);
      await accessibleOnFakeClock(kiosk);

      await advance(kiosk, 30 * SECOND);
      expect(squash(dialog(kiosk)?.querySelector('[role="status"]')?.textContent), 'the time left is announced').to.equal(TEXT[lang].announced);
      expect(squash(dialog(kiosk)?.querySelector('.timeout-countdown')?.textContent)).to.contain(lang === 'en' ? '30 seconds' : '30 eiliad');

      await sendKeys({ press: 'Enter' });
      await kiosk.updateComplete;
      expect(dialog(kiosk)?.open, '"I’m still here" closes the warning').to.equal(false);
      await advance(kiosk, 30 * SECOND - 1);
      expect(searchBox(kiosk)?.value, 'what was typed is still there').to.equal('Borchester');
      expect(dialog(kiosk)?.open ?? false, 'the full idle time starts again').to.equal(false);
      await advance(kiosk, 1);
      expect(dialog(kiosk)?.open, 'and ends in the warning again').to.equal(true);
    });

    it('left alone, clears everything personal: each element at its first page, storage and IndexedDB emptied, the address cleaned', async () => {
      const kiosk = await kioskPage(lang);
      const clears: KioskClearDetail[] = [];
      kiosk.addEventListener('cls-kiosk-clear', (event) => clears.push(event.detail));
      // The site's own words for the finder: configuration, which the fresh copy keeps.
      const own = { en: { heading: 'Find a talking point' }, cy: { heading: 'Dod o hyd i fan siarad' } };
      (finder(kiosk) as unknown as { strings: unknown }).strings = own;
      await finder(kiosk).updateComplete;
      // What an earlier visitor might have left: records of the elements, a staff token, a database.
      localStorage.setItem('cls-plan', '{"savedAt":1,"data":[]}');
      localStorage.setItem('host-own', 'the host page’s own');
      sessionStorage.setItem('cls-staff-token', 'left-behind');
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('cls-kiosk-test');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      // A manage link and a resume code opened on this screen, beside the host's own query, fragment and state.
      history.replaceState({ hostTab: 2, 'cls-self-assessment:what-matters': 'q:3' }, '', `${location.pathname}?page=2&cls-booking=ABCD-1234&key=secret&cls-resume=WXYZ-2345#top`);
      const firstFinder = finder(kiosk);
      // What the self-assessment's next step does to a finder (the person's postcode, shown), and
      // configuration a framework sets as a property.
      firstFinder.setAttribute('postcode', 'SY4 5JD');
      (firstFinder as unknown as { limit: number }).limit = 3;
      await waitUntil(() => firstFinder.shadowRoot?.querySelector('#results-heading'), 'the finder searched the person’s postcode');

      fakeClock();
      buttonNamed(assessment(kiosk), TEXT[lang].start)?.click();
      await assessment(kiosk).updateComplete;
      expect(buttonNamed(assessment(kiosk), TEXT[lang].start), 'the questionnaire has started').to.equal(undefined);
      await typeInFinder(kiosk, 'Ambridge');
      await advance(kiosk, 30 * SECOND);
      expect(dialog(kiosk)?.open).to.equal(true);
      await advance(kiosk, 60 * SECOND);
      clock?.restore();
      clock = undefined;

      await waitUntil(async () => !(await indexedDB.databases()).some((database) => database.name === 'cls-kiosk-test'), 'the cls- database is deleted');
      expect(dialog(kiosk)?.open, 'the warning has gone').to.equal(false);
      expect(clears).to.deep.equal([{ reason: 'timeout' }]);
      expect(finder(kiosk), 'the finder is a fresh copy').not.to.equal(firstFinder);
      expect(firstFinder.isConnected).to.equal(false);
      await waitUntil(() => searchBox(kiosk) && buttonNamed(assessment(kiosk), TEXT[lang].start), 'each element is back at its first page');
      expect(searchBox(kiosk)?.value, 'nothing typed is left').to.equal('');
      expect(finder(kiosk).hasAttribute('postcode'), 'the person’s postcode is not carried over').to.equal(false);
      expect(finder(kiosk).shadowRoot?.querySelector('#results-heading'), 'nor their search').to.equal(null);
      expect((finder(kiosk) as unknown as { limit: number }).limit, 'the site’s configuration set as a property is').to.equal(3);
      expect(history.state, 'the host’s own history state stays, the elements’ goes').to.deep.equal({ hostTab: 2 });
      expect(squash(finder(kiosk).shadowRoot?.textContent), 'the site’s own words are kept').to.contain(own[lang].heading);
      expect(finder(kiosk).hasAttribute('kiosk')).to.equal(true);
      expect(clsKeys(localStorage), 'local storage').to.deep.equal([]);
      expect(clsKeys(sessionStorage), 'session storage').to.deep.equal([]);
      expect(localStorage.getItem('host-own'), 'the host page’s own storage is not ours to clear').to.equal('the host page’s own');
      expect(location.search, 'the address keeps only the host’s own query').to.equal('?page=2');
      expect(location.hash).to.equal('#top');
      expect(focused(kiosk)?.classList.contains('controls'), 'focus at the top of the kiosk').to.equal(true);
      expect(squash(kiosk.shadowRoot?.querySelector('[role="status"]')?.textContent), 'what happened is said').to.equal(TEXT[lang].cleared);
      await expectAccessible(kiosk);
    });

    it('"Get help from staff" asks for the desk unless the host says staff were told', async () => {
      const kiosk = await kioskPage(lang);
      let asked = 0;
      const handler = (event: Event) => {
        asked++;
        event.preventDefault();
      };
      kiosk.addEventListener('cls-staff-help', () => asked++);
      // Keyboard: the first button on the screen.
      kiosk.shadowRoot?.querySelector<HTMLElement>('.controls')?.focus();
      await sendKeys({ press: 'Tab' });
      expect(squash(focused(kiosk)?.textContent)).to.equal(TEXT[lang].help);
      await sendKeys({ press: 'Enter' });
      await kiosk.updateComplete;
      expect(asked).to.equal(1);
      expect(squash(kiosk.shadowRoot?.querySelector('[role="status"]')?.textContent), 'no promise that help is coming').to.equal(TEXT[lang].helpAsk);
      await expectAccessible(kiosk);

      document.addEventListener('cls-staff-help', handler);
      try {
        await sendKeys({ press: 'Enter' });
        await kiosk.updateComplete;
      } finally {
        document.removeEventListener('cls-staff-help', handler);
      }
      expect(asked).to.equal(3);
      expect(squash(kiosk.shadowRoot?.querySelector('[role="status"]')?.textContent)).to.equal(TEXT[lang].helpComing);
    });

    it('"Finish and clear the screen" by keyboard clears it at once, and an untouched screen then stays quiet', async () => {
      const kiosk = await kioskPage(lang);
      const clears: KioskClearDetail[] = [];
      kiosk.addEventListener('cls-kiosk-clear', (event) => clears.push(event.detail));
      // The fake clock from the start, so the timer that pressing "Finish" starts is on it.
      fakeClock();
      await typeInFinder(kiosk, 'Loxley');
      buttonNamed(kiosk, TEXT[lang].finish)?.focus();
      await sendKeys({ press: 'Enter' });
      for (let step = 0; step < 50 && !clears.length; step++) await advance(kiosk, 10);
      expect(clears).to.deep.equal([{ reason: 'finished' }]);
      await finder(kiosk).updateComplete;
      expect(searchBox(kiosk)?.value).to.equal('');
      expect(squash(kiosk.shadowRoot?.querySelector('[role="status"]')?.textContent)).to.equal(TEXT[lang].cleared);
      // Pressing "Finish" was activity; once cleared, nobody is there and nothing may ask if they are.
      await advance(kiosk, 2 * (30 + 60) * SECOND);
      expect(dialog(kiosk)?.open ?? false, 'no warning on the cleared screen').to.equal(false);
      expect(clears, 'cleared once').to.have.length(1);
    });
  });
}

describe('the kiosk rules inside <cls-kiosk>', () => {
  beforeEach(() => setViewport({ width: 320, height: 640 }));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('gives no "Use my location" on a shared screen (and does off it)', async () => {
    const kiosk = await kioskPage('en');
    expect(buttonNamed(finder(kiosk), TEXT.en.useLocation)).to.equal(undefined);
    const alone = await fixture<HTMLElement>(html`<cls-hub-finder></cls-hub-finder>`);
    await waitUntil(() => alone.shadowRoot?.querySelector('#place'));
    expect(buttonNamed(alone, TEXT.en.useLocation), 'off a kiosk it is there').not.to.equal(undefined);
  });

  it('keeps "my wheel" for this visit only: print, but no link to copy, and nothing on the device', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><cls-kiosk><cls-resource-wheel directory="/oruk/" view="list"></cls-resource-wheel></cls-kiosk></div>`);
    const wheel = wrapper.querySelector('cls-resource-wheel') as HTMLElement & { updateComplete: Promise<boolean> };
    const first = await waitUntil(() => wheel.shadowRoot?.querySelector<HTMLElement>('[data-service]'), 'the resources have loaded', { timeout: 15_000 }).then(() => wheel.shadowRoot?.querySelector<HTMLElement>('[data-service]'));
    first?.click();
    await wheel.updateComplete;
    buttonNamed(wheel, 'Add to my wheel')?.click();
    await wheel.updateComplete;
    buttonNamed(wheel, 'Back')?.click();
    await wheel.updateComplete;
    buttonNamed(wheel, 'My wheel (1)')?.click();
    await wheel.updateComplete;
    const words = squash(wheel.shadowRoot?.textContent);
    expect(words).to.contain('Print it to take with you.');
    expect(words).to.contain('the notes are deleted when you finish');
    expect(buttonNamed(wheel, 'Print my wheel'), 'print is there').not.to.equal(undefined);
    expect(buttonNamed(wheel, 'Copy a link to my wheel'), 'no link for the next person to find').to.equal(undefined);
    expect(clsKeys(localStorage), 'nothing kept on the device').to.deep.equal([]);
    await expectAccessible(wheel);

    // A resource with an email address and a website: words to note down, not links off the screen.
    const feed = (await (await fetch('/oruk/services?per_page=100')).json()) as { contents: Array<{ id: string; name: string; email?: string; url?: string }> };
    const contactable = feed.contents.find((service) => service.email && service.url);
    expect(contactable, 'the seed has a resource with an email address and a website').not.to.equal(undefined);
    buttonNamed(wheel, 'Back to all resources')?.click();
    await wheel.updateComplete;
    const search = wheel.shadowRoot?.querySelector<HTMLInputElement>('#search') as HTMLInputElement;
    search.value = contactable?.name ?? '';
    search.dispatchEvent(new Event('input'));
    await wheel.updateComplete;
    await waitUntil(() => wheel.shadowRoot?.querySelector(`[data-service="${contactable?.id}"]`), 'found by name');
    wheel.shadowRoot?.querySelector<HTMLElement>(`[data-service="${contactable?.id}"]`)?.click();
    await wheel.updateComplete;
    const details = squash(wheel.shadowRoot?.textContent);
    expect(details).to.contain(contactable?.email);
    expect(details).to.contain(contactable?.url);
    expect(wheel.shadowRoot?.querySelector('a[href^="mailto:"], a[target="_blank"]'), 'no email program, no other page').to.equal(null);
  });

  it('makes every target at least 44 px, and tells on-screen keyboards what each box wants', async () => {
    const kiosk = await kioskPage('en');
    buttonNamed(assessment(kiosk), TEXT.en.start)?.click();
    await waitUntil(() => assessment(kiosk).shadowRoot?.querySelector('input'), 'the first question');
    const small: string[] = [];
    const targets = deep(kiosk.shadowRoot as ShadowRoot)
      .concat(...['cls-hub-finder', 'cls-self-assessment', 'cls-feedback'].map((tag) => deep(kiosk.querySelector(tag)?.shadowRoot as ShadowRoot)))
      .filter((element) => element.matches('button, input:not([type="hidden"]), select, textarea, .button'));
    expect(targets.length, 'targets were found').to.be.greaterThan(10);
    for (const target of targets) {
      const box = target.getBoundingClientRect();
      if (!box.width && !box.height) continue;
      if (box.height < 44 || box.width < 44) small.push(`${target.localName}#${target.id} "${squash(target.textContent).slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    expect(small, 'targets under 44 px').to.deep.equal([]);
    const boxes = targets.filter((element): element is HTMLInputElement => element.matches('input[type="text"], input[type="search"], input[type="email"], input[type="tel"], input:not([type])'));
    expect(boxes.length).to.be.greaterThan(0);
    for (const box of boxes) {
      expect(box.getAttribute('inputmode'), `${box.id} inputmode`).to.be.a('string');
      expect(box.enterKeyHint, `${box.id} enterkeyhint`).not.to.equal('');
    }
  });
});
