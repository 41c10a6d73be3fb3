import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { StaffSubmissionList } from '../../src/contract/questionnaire.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/*
 * Both questionnaires on the demo page (/self-assessment.html, which runs
 * the carers' one with ?q=looking-after-someone), under the server's strict
 * CSP, with the keyboard alone: save, resume with the code in a fresh
 * browser, change an answer, and a submission whose first response is lost
 * after the server stored it, so only the Idempotency-Key keeps it to one
 * record.
 */

let server: RunningServer;
let browser: Browser;

type Lang = 'en' | 'cy';

const TEXT = {
  en: { start: 'Start now', resume: 'Resume', continue: 'Continue', save: 'Save and come back later', check: 'Check your answers', change: 'Change', send: 'Send', sendToCouncil: 'Send to the council', tryAgain: 'Try again' },
  cy: {
    start: 'Dechrau nawr',
    resume: 'Ailddechrau',
    continue: 'Parhau',
    save: 'Cadw a dod yn ôl yn nes ymlaen',
    check: 'Gwirio eich atebion',
    change: 'Newid',
    send: 'Anfon',
    sendToCouncil: 'Anfon at y cyngor',
    tryAgain: 'Rhowch gynnig arall arni',
  },
} as const;

type Submissions = ReturnType<typeof StaffSubmissionList.parse>;

const REFERENCE = /CLS-[ACDEFGHJKMNPQRTUVWXY34679]{6}/;

interface Focus {
  id: string;
  type: string;
  name: string;
  checked: boolean;
}

class Resident {
  readonly problems: string[] = [];
  readonly widget: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.widget = page.locator('cls-self-assessment');
    page.on('console', (message) => {
      // The lost response of the interrupted submission is logged by Chromium itself.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) this.problems.push(message.text());
    });
    page.on('pageerror', (error) => this.problems.push(error.message));
  }

  get t() {
    return TEXT[this.lang];
  }

  /** What has keyboard focus inside the element's shadow root. */
  focus(): Promise<Focus> {
    return this.page.evaluate(() => {
      const active = document.querySelector('cls-self-assessment')?.shadowRoot?.activeElement ?? null;
      if (!active) return { id: '', type: '', name: '', checked: false };
      const label = active.getAttribute('aria-label');
      const name = (label ?? active.textContent ?? '').replace(/\s+/g, ' ').trim();
      return { id: active.id, type: (active as HTMLInputElement).type ?? '', name, checked: (active as HTMLInputElement).checked === true };
    });
  }

  async tabTo(wanted: (focus: Focus) => boolean, what: string, limit = 60, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let presses = 0; presses < limit; presses++) {
      if (wanted(await this.focus())) return;
      await this.page.keyboard.press(key);
    }
    const now = await this.focus();
    assert.ok(wanted(now), `Tab never reached ${what}; focus is on ${JSON.stringify(now)}`);
  }

  async press(name: string): Promise<void> {
    await this.tabTo((focus) => focus.name === name, `"${name}"`);
    await this.page.keyboard.press('Enter');
  }

  async heading(): Promise<string> {
    return this.page.evaluate(() => {
      const root = document.querySelector('cls-self-assessment')?.shadowRoot;
      for (const id of ['check-heading', 'result-heading', 'send-heading', 'start-heading', 'question-heading']) {
        const node = root?.getElementById(id);
        if (node) return `${id}: ${(node.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
      }
      return '';
    });
  }

  /**
   * Waits until the element shows `expected`: a page heading id
   * (`check-heading`), a heading id with its exact text
   * (`start-heading: What matters to you`), or a question's title.
   */
  async on(expected: string): Promise<void> {
    try {
      await this.page.waitForFunction(
        (wanted) => {
          const root = document.querySelector('cls-self-assessment')?.shadowRoot;
          for (const id of ['check-heading', 'result-heading', 'send-heading', 'start-heading', 'question-heading']) {
            const node = root?.getElementById(id);
            if (!node) continue;
            const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
            return wanted === id || wanted === `${id}: ${text}` || (id === 'question-heading' && text.startsWith(wanted));
          }
          return false;
        },
        expected,
        { timeout: 10_000 },
      );
    } catch {
      assert.fail(`expected the page "${expected}", the element shows "${await this.heading()}"`);
    }
  }

  async next(): Promise<void> {
    await this.press(this.t.continue);
  }

  async radio(index: number): Promise<void> {
    await this.tabTo((focus) => focus.type === 'radio', 'the options');
    if (index === 0) await this.page.keyboard.press('Space');
    for (let step = 0; step < index; step++) await this.page.keyboard.press('ArrowDown');
    const focus = await this.focus();
    assert.deepEqual({ id: focus.id, checked: focus.checked }, { id: `answer-${index}`, checked: true });
  }

  async tick(id: string): Promise<void> {
    await this.tabTo((focus) => focus.id === id, `#${id}`);
    await this.page.keyboard.press('Space');
    assert.equal((await this.focus()).checked, true, `#${id} ticked`);
  }

  async type(id: string, value: string): Promise<void> {
    await this.tabTo((focus) => focus.id === id, `#${id}`);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(value);
  }

  /** "Save and come back later": the code shown. */
  async save(): Promise<string> {
    await this.press(this.t.save);
    const code = this.widget.locator('.panel .resume-code');
    await code.waitFor();
    const text = ((await code.textContent()) ?? '').replace(/[\s-]/g, '');
    assert.match(text, /^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    return text;
  }

  /** Presses the Change button of one row of the check answers page. */
  async change(question: string): Promise<void> {
    const name = await this.widget.locator(`dl.check [data-question="${question}"] button, dl.check [data-question="${question}"] a[href]`).first().evaluate((node) =>
      (node.getAttribute('aria-label') ?? node.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    assert.ok(name.startsWith(this.t.change), `the Change button of ${question} is named "${name}"`);
    await this.press(name);
  }
}

async function open(context: BrowserContext, lang: Lang, questionnaire: 'what-matters' | 'looking-after-someone', title: string): Promise<Resident> {
  const page = await context.newPage();
  const resident = new Resident(page, lang);
  const query = new URLSearchParams();
  if (questionnaire !== 'what-matters') query.set('q', questionnaire);
  if (lang !== 'en') query.set('lang', lang);
  const response = await page.goto(`${server.url}/self-assessment.html${query.size ? `?${query}` : ''}`);
  assert.equal(response?.status(), 200, '/self-assessment.html is served');
  await resident.on(`start-heading: ${title}`);
  return resident;
}

/** On the start page: type the resume code (lower case, with a dash), press Resume. */
async function resumeWith(resident: Resident, code: string): Promise<void> {
  await resident.type('resume-code', `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
  await resident.press(resident.t.resume);
}

/**
 * Sends from the send page. The first POST reaches the server (and is
 * stored) but its answer is lost on the way back; every later one goes
 * through. Returns the reference shown and the Idempotency-Keys sent.
 */
async function sendLosingFirstAnswer(resident: Resident): Promise<{ reference: string; keys: string[] }> {
  const keys: string[] = [];
  await resident.page.route('**/api/v1/submissions', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '(none)');
    if (keys.length === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await resident.press(resident.t.send);
  const panel = resident.widget.locator('.panel');
  const failure = resident.widget.locator('.notification');
  await panel.or(failure).first().waitFor({ timeout: 15_000 });
  if (await failure.isVisible()) await resident.press(resident.t.tryAgain);
  await panel.getByText(REFERENCE).waitFor({ timeout: 15_000 });
  const reference = ((await panel.textContent()) ?? '').match(REFERENCE)?.[0] ?? '';
  return { reference, keys };
}

async function stored(marker: string): Promise<Submissions['items']> {
  const response = await fetch(`${server.url}/api/v1/staff/submissions?limit=500`, { headers: { Authorization: `Bearer ${server.staffToken}` } });
  assert.equal(response.status, 200);
  return StaffSubmissionList.parse(await response.json()).items.filter((item) => JSON.stringify(item.answers).includes(marker));
}


describe('self-assessment end to end (real server, real browser, keyboard only)', () => {
  before(async () => {
    assert.ok(existsSync('dist/cdn/community-led-widgets.js'), 'run `npx vite build --mode cdn` first (npm test builds)');
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('"What matters to you" in English: save, resume with the code elsewhere, change an answer, send once despite a lost response', async () => {
    const marker = `e2e-${Date.now().toString(36)}`;
    const first = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const resident = await open(first, 'en', 'what-matters', 'What matters to you');
    const csp = (await resident.page.request.get(`${server.url}/self-assessment.html`)).headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);

    await resident.press(resident.t.start);
    await resident.on('Are you answering for yourself or for someone else?');
    await resident.radio(0);
    await resident.next();
    await resident.on('What does a good day look like for you?');
    await resident.type('answer', `Tea in the garden with my grandson (${marker})`);
    await resident.next();
    await resident.on('Who do you see or talk to most weeks?');
    await resident.type('answer', 'My neighbour Sue');
    await resident.next();
    await resident.on('What are you good at or enjoy?');
    // The browser's own Back and Forward buttons step through the questions (the demo page sets `history`).
    await resident.page.goBack();
    await resident.on('Who do you see or talk to most weeks?');
    await resident.page.goForward();
    await resident.on('What are you good at or enjoy?');
    await resident.next();
    await resident.on('What do you enjoy doing, or would you like to try?');
    await resident.next();
    await resident.on('What would you like to be different?');
    await resident.next();
    await resident.on('Which of these are hard for you at the moment?');
    const code = await resident.save();
    assert.deepEqual(resident.problems, []);
    await first.close();

    // Another browser, nothing on the device: only the code brings the answers back.
    const second = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const back = await open(second, 'en', 'what-matters', 'What matters to you');
    await resumeWith(back, code);
    await back.on('Which of these are hard for you at the moment?');
    await back.tick('answer-0'); // Eating and drinking well
    await back.tick('answer-9'); // Money, bills or benefits
    await back.next();
    await back.on('Do you have any children in your care?');
    await back.radio(1);
    await back.next();
    await back.on('Do you look after someone who could not manage without your help?');
    await back.radio(0); // No
    await back.next();
    await back.on('How are you feeling in yourself at the moment?');
    await back.radio(3);
    await back.next();
    await back.on('Are you safe at the moment?');
    await back.radio(0);
    await back.next();
    await back.on('Is there anything else you would like to tell us?');
    await back.next();
    await back.on('What happens next');
    await back.next();
    await back.on('What is your postcode?');
    await back.type('answer', 'sy4 5jd');
    await back.next();
    await back.on('How would you like the community team to get in touch?');
    await back.radio(1);
    await back.next();
    await back.on('check-heading');
    assert.match((await back.widget.locator('dl.check [data-question="good-day"]').textContent()) ?? '', new RegExp(marker));
    assert.match((await back.widget.locator('dl.check [data-question="people"]').textContent()) ?? '', /My neighbour Sue/);

    // Feeling worse than first said: 4 → 2.
    await back.change('feeling');
    await back.on('How are you feeling in yourself at the moment?');
    await back.tabTo((focus) => focus.type === 'radio', 'the scale');
    assert.equal((await back.focus()).id, 'answer-3', 'the saved answer has focus in its group');
    await back.page.keyboard.press('ArrowUp');
    await back.page.keyboard.press('ArrowUp');
    assert.deepEqual(await back.focus().then(({ id, checked }) => ({ id, checked })), { id: 'answer-1', checked: true });
    await back.next();
    await back.on('check-heading');
    assert.match((await back.widget.locator('dl.check [data-question="feeling"]').textContent()) ?? '', /2/);
    await back.next();
    await back.on('result-heading');
    await back.widget.getByText('Talk to someone at a community hub').first().waitFor();
    await back.widget.getByText('How you are feeling').first().waitFor();
    // Community options near the postcode, from the server's own ORUK feed.
    await back.widget.locator('#community-heading').getByText('SY4 5JD').waitFor();
    await back.widget.locator('.options li').first().waitFor();

    // The next step opens the hub finder further down the page, searching near the same postcode.
    await back.press('Find a community hub near you');
    const finder = back.page.locator('cls-hub-finder');
    await finder.locator('#results-heading').waitFor();
    assert.equal(await finder.locator('#place').inputValue(), 'SY4 5JD');
    await back.tabTo((focus) => focus.name === back.t.sendToCouncil, `"${back.t.sendToCouncil}", going back`, 30, 'Shift+Tab');
    await back.page.keyboard.press('Enter');
    await back.on('send-heading');
    await back.tick('consent-0');
    await back.type('contact-name', 'Ann Example');
    await back.type('contact-value', 'ann@example.org');
    const { reference, keys } = await sendLosingFirstAnswer(back);
    assert.ok(keys.length >= 2, `the submission was retried (${keys.length} requests)`);
    assert.equal(new Set(keys).size, 1, `one Idempotency-Key for every attempt: ${keys.join(', ')}`);

    const records = await stored(marker);
    assert.equal(records.length, 1, 'one stored submission');
    assert.equal(records[0]?.reference, reference);
    assert.deepEqual(
      { lang: records[0]?.lang, feeling: records[0]?.answers['feeling'], harder: records[0]?.answers['harder'], postcode: records[0]?.answers['postcode'], people: records[0]?.answers['people'] },
      { lang: 'en', feeling: 2, harder: ['eating-drinking', 'money'], postcode: 'SY4 5JD', people: 'My neighbour Sue' },
    );
    assert.deepEqual(records[0]?.contact, { name: 'Ann Example', method: 'email', value: 'ann@example.org' });
    assert.deepEqual(back.problems, []);
    await second.close();
  });

  it('"Looking after someone" in Welsh: save, resume with the code elsewhere, change an answer, send once despite a lost response', async () => {
    const marker = `e2e-${Date.now().toString(36)}-cy`;
    const first = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const resident = await open(first, 'cy', 'looking-after-someone', 'Gofalu am rywun');
    await resident.press(resident.t.start);
    await resident.on('Am bwy ydych chi’n gofalu?');
    await resident.radio(1); // Fy mam neu fy nhad
    await resident.next();
    await resident.on('Faint yw eich oed chi?');
    await resident.radio(0); // 18 oed neu’n hŷn
    await resident.next();
    await resident.on('Beth sy’n eich helpu i ddal ati?');
    await resident.type('answer', `Fy nghôr a’r rhandir (${marker})`);
    await resident.next();
    await resident.on('At bwy allwch chi droi am help neu sgwrs?');
    await resident.next();
    await resident.on('Tua faint o oriau’r wythnos ydych chi’n eu treulio yn gofalu amdanyn nhw?');
    await resident.type('answer', '35');
    await resident.next();
    await resident.on('Pa rai o’r rhain sy’n anodd i chi oherwydd eich bod yn gofalu?');
    const code = await resident.save();
    await first.close();

    const second = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const back = await open(second, 'cy', 'looking-after-someone', 'Gofalu am rywun');
    await resumeWith(back, code);
    await back.on('Pa rai o’r rhain sy’n anodd i chi oherwydd eich bod yn gofalu?');
    await back.tick('answer-7'); // Cael amser i chi eich hun
    await back.next();
    await back.on('Ydy gofalu yn effeithio ar eich iechyd chi eich hun?');
    await back.radio(1); // Ydy, ychydig
    await back.next();
    await back.on('Ydych chi’n fodlon ac yn gallu dal ati i ofalu?');
    await back.radio(1); // Ydw, ond dim ond gyda mwy o help
    await back.next();
    await back.on('Pe na allech chi ofalu am gyfnod, er enghraifft pe baech chi’n sâl, oes cynllun ar gyfer pwy fyddai’n helpu?');
    await back.radio(2); // Nac oes
    await back.next();
    await back.on('Beth fyddai’n gwneud y gwahaniaeth mwyaf i chi?');
    await back.next();
    await back.on('Sut ydych chi’n teimlo yn gyffredinol ar hyn o bryd?');
    await back.radio(2);
    await back.next();
    await back.on('Ydych chi a’r person rydych chi’n gofalu amdano yn ddiogel ar hyn o bryd?');
    await back.radio(0);
    await back.next();
    await back.on('Oes unrhyw beth arall yr hoffech chi ei ddweud wrthym?');
    await back.next();
    await back.on('Eich hawl i gael asesiad gofalwr');
    await back.next();
    await back.on('Beth sy’n digwydd nesaf');
    await back.next();
    await back.on('Beth yw eich cod post?');
    await back.next();
    await back.on('Sut hoffech chi i’r tîm cymunedol gysylltu â chi?');
    await back.radio(0); // Dros y ffôn
    await back.next();
    await back.on('check-heading');
    assert.equal(await back.heading(), `check-heading: ${back.t.check}`);

    // More hours than first said.
    await back.change('hours');
    await back.on('Tua faint o oriau’r wythnos ydych chi’n eu treulio yn gofalu amdanyn nhw?');
    await back.type('answer', '50');
    await back.next();
    await back.on('check-heading');
    assert.match((await back.widget.locator('dl.check [data-question="hours"]').textContent()) ?? '', /50/);
    await back.next();
    await back.on('result-heading');
    await back.widget.getByText('Amser i chi eich hun').first().waitFor();

    await back.press(back.t.sendToCouncil);
    await back.on('send-heading');
    await back.tick('consent-0');
    await back.type('contact-value', '01632 960123');
    const { reference, keys } = await sendLosingFirstAnswer(back);
    assert.ok(keys.length >= 2, `the submission was retried (${keys.length} requests)`);
    assert.equal(new Set(keys).size, 1, `one Idempotency-Key for every attempt: ${keys.join(', ')}`);

    const records = await stored(marker);
    assert.equal(records.length, 1, 'one stored submission');
    assert.equal(records[0]?.reference, reference);
    assert.deepEqual(
      { lang: records[0]?.lang, hours: records[0]?.answers['hours'], harder: records[0]?.answers['harder'], health: records[0]?.answers['health'], age: records[0]?.answers['age'], willing: records[0]?.answers['willing'], plan: records[0]?.answers['plan'] },
      { lang: 'cy', hours: 50, harder: ['time-for-me'], health: 'a-little', age: '18-or-over', willing: 'with-more-help', plan: 'no' },
    );
    assert.equal(records[0]?.contact?.method, 'phone');
    assert.equal(records[0]?.contact?.value, '01632 960123');
    assert.deepEqual(back.problems, []);
    await second.close();
  });
});
