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

  /** Everything the element shows, as one line of text. */
  text(): Promise<string> {
    return this.page.evaluate(() => (document.querySelector('cls-self-assessment')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
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

  it('"What matters to you" for someone else, in English, by keyboard: every page in the third person, their words and strengths on the result, consent for speaking for someone, sent once', async () => {
    const marker = `e2e-${Date.now().toString(36)}-other`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const helper = await open(context, 'en', 'what-matters', 'What matters to you');
    await helper.press(helper.t.start);
    await helper.on('Are you answering for yourself or for someone else?');
    await helper.radio(1); // For someone else
    await helper.next();
    await helper.on('How do you know the person you are answering for?');
    await helper.radio(0); // A family member
    await helper.next();
    await helper.on('What does a good day look like for them?');
    await helper.type('answer', `Dad likes the bowls club on Thursdays (${marker})`);
    await helper.next();
    await helper.on('Who do they see or talk to most weeks?');
    await helper.type('answer', 'Me and his brother');
    await helper.next();
    await helper.on('What are they good at or enjoy?');
    await helper.type('answer', 'Fixing clocks');
    await helper.next();
    await helper.on('What do they enjoy doing, or would they like to try?');
    await helper.next();
    await helper.on('What would they like to be different?');
    await helper.type('answer', 'To get out more since he stopped driving');
    await helper.next();
    await helper.on('Which of these are hard for them at the moment?');
    await helper.tick('answer-8'); // Getting out and using local places and transport
    await helper.next();
    await helper.on('Do they have any children in their care?');
    await helper.radio(1); // No
    await helper.next();
    await helper.on('Do they look after someone who could not manage without their help?');
    await helper.radio(0); // No
    await helper.next();
    await helper.on('How are they feeling in themselves at the moment?');
    await helper.radio(2);
    await helper.next();
    await helper.on('Are they safe at the moment?');
    await helper.radio(0);
    await helper.next();
    await helper.on('Is there anything else you would like to tell us about them?');
    await helper.next();
    await helper.on('What happens next');
    await helper.next();
    await helper.on('What is their postcode?');
    await helper.type('answer', 'SY4 5JD');
    await helper.next();
    await helper.on('How should the community team get in touch about them?');
    await helper.radio(0); // By phone
    await helper.next();
    await helper.on('check-heading');
    await helper.next();
    await helper.on('result-heading');
    // Their own words lead the result, in the third person.
    const result = helper.widget.locator('.result, [part="base"]').first();
    await result.getByText('In their words').first().waitFor();
    await result.getByText('Their strengths and the people around them').first().waitFor();
    const text = await helper.text();
    const order = ['In their words', 'To get out more since he stopped driving', 'Their strengths and the people around them', 'Fixing clocks', 'What is hard at the moment'].map((part) => text.indexOf(part));
    assert.ok(order.every((at, index) => at >= 0 && (index === 0 || at > (order[index - 1] ?? 0))), `their own words, then their strengths, then what is hard: ${order.join(', ')}`);
    await helper.press(helper.t.sendToCouncil);
    await helper.on('send-heading');
    await helper.widget.getByText('You are answering for someone else: please make sure they know you are sending this and agree to it.').waitFor();
    await helper.tick('consent-0');
    await helper.type('contact-name', 'Rhys Example');
    await helper.type('contact-value', '01632 960456');
    await helper.press(helper.t.send);
    await helper.widget.locator('.panel').getByText(REFERENCE).waitFor({ timeout: 15_000 });

    const records = await stored(marker);
    assert.equal(records.length, 1, 'one stored submission');
    assert.deepEqual(
      { for: records[0]?.answers['answering-for'], relationship: records[0]?.answers['relationship'], harder: records[0]?.answers['harder'], method: records[0]?.contact?.method },
      { for: 'someone-else', relationship: 'family', harder: ['getting-out'], method: 'phone' },
    );
    assert.deepEqual(helper.problems, []);
    await context.close();
  });

  it('"Looking after someone" by a carer under 18, in English, by keyboard: told about young carers\' help, not the adult carer\'s assessment, and sent once', async () => {
    const marker = `e2e-${Date.now().toString(36)}-young`;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const carer = await open(context, 'en', 'looking-after-someone', 'Looking after someone');
    await carer.press(carer.t.start);
    await carer.on('Who do you look after?');
    await carer.radio(1); // My mum or dad
    await carer.next();
    await carer.on('How old are you?');
    await carer.radio(1); // Under 18
    await carer.next();
    await carer.on('Help for young carers');
    const info = await carer.text();
    assert.match(info, /you are a young carer/);
    assert.match(info, /right to an assessment/);
    await carer.next();
    await carer.on('What helps you keep going?');
    await carer.type('answer', `Football after school (${marker})`);
    await carer.next();
    await carer.on('Who can you turn to for help or a chat?');
    await carer.next();
    await carer.on('About how many hours a week do you spend looking after them?');
    await carer.type('answer', '15');
    await carer.next();
    await carer.on('Which of these are hard for you because of caring?');
    await carer.tick('answer-5'); // Work, learning or volunteering
    await carer.next();
    await carer.on('Is caring affecting your own health?');
    await carer.radio(1);
    await carer.next();
    await carer.on('Are you willing and able to keep caring?');
    await carer.radio(1);
    await carer.next();
    await carer.on('If you could not care for a while');
    await carer.radio(3);
    await carer.next();
    await carer.on('What would make the biggest difference to you?');
    await carer.next();
    await carer.on('How are you feeling in yourself at the moment?');
    await carer.radio(2);
    await carer.next();
    await carer.on('Are you and the person you look after safe at the moment?');
    await carer.radio(0);
    await carer.next();
    await carer.on('Is there anything else you would like to tell us?');
    await carer.next();
    // The adult carer's assessment page is not for them: straight on to what happens next.
    await carer.on('What happens next');
    await carer.next();
    await carer.on('What is your postcode?');
    await carer.next();
    await carer.on('How would you like the community team to get in touch?');
    await carer.radio(1); // By email
    await carer.next();
    await carer.on('check-heading');
    await carer.next();
    await carer.on('result-heading');
    await carer.widget.getByText('You told us you are under 18.', { exact: false }).first().waitFor();
    assert.doesNotMatch(await carer.text(), /Your right to a carer’s assessment/);
    await carer.press(carer.t.sendToCouncil);
    await carer.on('send-heading');
    await carer.tick('consent-0');
    await carer.type('contact-name', 'Sam Example');
    await carer.type('contact-value', 'sam@example.org');
    await carer.press(carer.t.send);
    await carer.widget.locator('.panel').getByText(REFERENCE).waitFor({ timeout: 15_000 });

    const records = await stored(marker);
    assert.equal(records.length, 1, 'one stored submission');
    assert.equal(records[0]?.answers['age'], 'under-18');
    assert.deepEqual(carer.problems, []);
    await context.close();
  });
});
