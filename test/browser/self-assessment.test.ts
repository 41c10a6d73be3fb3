import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
// sinon's ESM build carries @sinonjs/fake-timers (which is CommonJS only).
import sinon from 'sinon';
import '../../src/elements/hub-finder/define.ts';
import '../../src/elements/resource-wheel/define.ts';
import '../../src/elements/self-assessment/define.ts';
import {
  QuestionnaireResponse,
  StaffSubmissionList,
  type Answers,
  type AnswerValue,
  type LocalisedQuestion,
  type LocalisedQuestionnaire,
} from '../../src/contract/questionnaire.ts';
import { outcome, progress, visibleQuestions } from '../../src/core/questionnaire.ts';
import { STAFF_TOKEN, expectAccessible, faultName, focused, heal } from './support.ts';

/*
 * <cls-self-assessment> against its DOM contract, in English and Welsh, over
 * the real API (the dev server's Hono app + PGlite) and the real
 * questionnaires in server/questionnaires. What the element should say is
 * taken from the contract, and where the contract leaves the wording to the
 * element, from the questionnaire definitions the API serves.
 */

type Lang = 'en' | 'cy';
type QuestionnaireId = 'what-matters' | 'looking-after-someone';
type El = HTMLElement & { updateComplete: Promise<boolean> };

const TEXT = {
  en: {
    start: 'Start now',
    continueSaved: 'Continue where you left off',
    resumeLabel: 'Resume code',
    resume: 'Resume',
    back: 'Back',
    caption: (index: number, total: number) => `Question ${index} of about ${total}`,
    continue: 'Continue',
    save: 'Save and come back later',
    optional: '(optional)',
    summary: 'There is a problem',
    check: 'Check your answers',
    change: 'Change',
    hub: 'Find a community hub near you',
    wheel: 'Explore community resources',
    sendToCouncil: 'Send to the council',
    send: 'Send',
    tryAgain: 'Try again',
    name: 'Your name (optional)',
    server: 'Something went wrong on our side',
    offline: 'You appear to be offline',
    restored: 'We kept your answers from last time on this device.',
    startAgain: 'Start again and delete these answers',
    carryOn: 'Carry on answering',
    lasts: 'for 30 days',
  },
  cy: {
    start: 'Dechrau nawr',
    continueSaved: 'Parhau o’r lle roeddech chi',
    resumeLabel: 'Cod ailddechrau',
    resume: 'Ailddechrau',
    back: 'Yn ôl',
    caption: (index: number, total: number) => `Cwestiwn ${index} o tua ${total}`,
    continue: 'Parhau',
    save: 'Cadw a dod yn ôl yn nes ymlaen',
    optional: '(dewisol)',
    summary: 'Mae problem wedi codi',
    check: 'Gwirio eich atebion',
    change: 'Newid',
    hub: 'Dod o hyd i hyb cymunedol',
    wheel: 'Archwilio adnoddau cymunedol',
    sendToCouncil: 'Anfon at y cyngor',
    send: 'Anfon',
    tryAgain: 'Rhowch gynnig arall arni',
    name: 'Eich enw (dewisol)',
    server: 'Aeth rhywbeth o’i le ar ein hochr ni',
    offline: 'Mae’n ymddangos eich bod all-lein',
    restored: 'Rydym wedi cadw eich atebion o’r tro diwethaf ar y ddyfais hon.',
    startAgain: 'Dechrau eto a dileu’r atebion hyn',
    carryOn: 'Parhau i ateb',
    lasts: 'am 30 diwrnod',
  },
} as const;

/** Resume codes: 8 characters with no look-alikes. */
const RESUME_CODE = /^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/;
const REFERENCE = /CLS-[ACDEFGHJKMNPQRTUVWXY34679]{6}/;

// ------------------------------------------------------------------ DOM helpers

const root = (el: El) => el.shadowRoot as ShadowRoot;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = (el: El) => squash(root(el).textContent);
const $ = <T extends Element = HTMLElement>(el: El, selector: string) => root(el).querySelector<T>(selector);
const input = (el: El, selector: string) => $<HTMLInputElement>(el, selector);

function describeNode(node: Element | null): string {
  if (!node) return 'nothing';
  return `<${node.localName}${node.id ? ` id="${node.id}"` : ''}> "${squash(node.textContent).slice(0, 60)}"`;
}

/** The accessible name, as far as these pages need it: aria-labelledby, aria-label, then the text. */
function accessibleName(node: Element): string {
  const labelledBy = node.getAttribute('aria-labelledby');
  if (labelledBy) {
    const scope = node.getRootNode() as ShadowRoot | Document;
    return squash(labelledBy.split(/\s+/).map((id) => scope.getElementById(id)?.textContent ?? '').join(' '));
  }
  const label = node.getAttribute('aria-label');
  if (label) return squash(label);
  return squash(node.textContent);
}

function isVisible(node: Element | null): boolean {
  if (!(node instanceof HTMLElement)) return false;
  return node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden';
}

/** Buttons and link-buttons named exactly `name` (the visible page only). */
function buttonsNamed(el: El, name: string, scope: ParentNode = root(el)): HTMLElement[] {
  return [...scope.querySelectorAll<HTMLElement>('button, a[href], [role="button"]')].filter((node) => accessibleName(node) === name && isVisible(node));
}

function button(el: El, name: string, scope?: ParentNode): HTMLElement {
  const found = buttonsNamed(el, name, scope)[0];
  if (!found) throw new Error(`No button named "${name}". The page says: ${text(el).slice(0, 400)}`);
  return found;
}

/** Types as a person would: the value, then input and change events. */
async function typeInto(el: El, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  if (!field) throw new Error(`No field ${selector}. The page says: ${text(el).slice(0, 300)}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function check(el: El, selector: string, checked = true): Promise<void> {
  const box = input(el, selector);
  if (!box) throw new Error(`No input ${selector}. The page says: ${text(el).slice(0, 300)}`);
  if (box.checked !== checked) box.click();
  await el.updateComplete;
}

/** Where the element is: the page's heading id, and for a question page its heading text. */
function page(el: El): string {
  for (const id of ['check-heading', 'result-heading', 'send-heading', 'start-heading']) if ($(el, `#${id}`)) return id;
  const heading = $(el, '#question-heading');
  if (heading) return `question: ${squash(heading.textContent)}`;
  const panel = $(el, '.panel');
  return panel ? `panel: ${squash(panel.textContent)}` : `unknown: ${text(el).slice(0, 200)}`;
}

// ------------------------------------------------------------------ API helpers

const definitions = new Map<string, LocalisedQuestionnaire>();

async function definition(id: QuestionnaireId, lang: Lang): Promise<LocalisedQuestionnaire> {
  const key = `${id}/${lang}`;
  const known = definitions.get(key);
  if (known) return known;
  const response = await fetch(`/api/v1/questionnaires/${id}?lang=${lang}`);
  const { questionnaire } = QuestionnaireResponse.parse(await response.json());
  definitions.set(key, questionnaire);
  return questionnaire;
}

type Submissions = ReturnType<typeof StaffSubmissionList.parse>;

async function staffSubmissions(): Promise<Submissions> {
  const response = await fetch('/api/v1/staff/submissions?limit=500', { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });
  expect(response.status).to.equal(200);
  return StaffSubmissionList.parse(await response.json());
}

/** Stored submissions whose answers mention `marker` anywhere. */
async function submissionsWith(marker: string): Promise<Submissions['items']> {
  return (await staffSubmissions()).items.filter((item) => JSON.stringify(item.answers).includes(marker));
}

function selfAssessmentKeys(): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith('cls-self-assessment'));
}

/** Watches (without changing) the element's POSTs to /submissions, for their Idempotency-Keys. */
function watchSubmissions(): { keys: string[]; restore(): void } {
  const original = window.fetch;
  const keys: string[] = [];
  window.fetch = (request: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;
    const method = init?.method ?? (request instanceof Request ? request.method : 'GET');
    if (method === 'POST' && new URL(url, location.href).pathname.endsWith('/submissions')) {
      const headers = new Headers(init?.headers ?? (request instanceof Request ? request.headers : undefined));
      keys.push(headers.get('Idempotency-Key') ?? '(none)');
    }
    return original.call(window, request, init);
  };
  return { keys, restore: () => void (window.fetch = original) };
}

// ------------------------------------------------------------------ element helpers

interface MakeOptions {
  questionnaire?: QuestionnaireId;
  apiBase?: string;
  kiosk?: boolean;
  resume?: string;
  history?: boolean;
  includeAnswers?: boolean;
  timeout?: number;
}

async function make(lang: Lang, options: MakeOptions = {}): Promise<El> {
  const el = await fixture<El>(html`<cls-self-assessment
    lang=${lang}
    api-base=${options.apiBase ?? '/api/v1'}
    questionnaire=${options.questionnaire ?? 'what-matters'}
    ?kiosk=${options.kiosk ?? false}
    ?history=${options.history ?? false}
    ?include-answers=${options.includeAnswers ?? false}
    resume=${ifDefined(options.resume)}
    timeout=${ifDefined(options.timeout)}
  ></cls-self-assessment>`);
  await waitUntil(() => ['#start-heading', '#question-heading', '#check-heading', '#result-heading'].some((selector) => $(el, selector)), 'a page', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

/** The question the page shows, recognised by its title in the definition. */
function currentQuestion(el: El, q: LocalisedQuestionnaire): LocalisedQuestion | undefined {
  const heading = squash($(el, '#question-heading')?.textContent);
  if (!heading) return undefined;
  return q.questions.filter((question) => heading.includes(question.title)).sort((a, b) => b.title.length - a.title.length)[0];
}

function questionById(q: LocalisedQuestionnaire, id: string): LocalisedQuestion {
  const question = q.questions.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no question ${id} in ${q.id}`);
  return question;
}

function optionIndex(question: LocalisedQuestion, value: string): number {
  if (question.type !== 'single' && question.type !== 'multiple') throw new Error(`${question.id} has no options`);
  const at = question.options.findIndex((option) => option.value === value);
  if (at < 0) throw new Error(`${question.id} has no option ${value}`);
  return at;
}

/** Fills in the answer the way the contract lays the inputs out. */
async function fillAnswer(el: El, question: LocalisedQuestion, value: AnswerValue): Promise<void> {
  switch (question.type) {
    case 'single':
      await check(el, `#answer-${optionIndex(question, String(value))}`);
      return;
    case 'multiple': {
      const wanted = Array.isArray(value) ? value : [String(value)];
      for (const option of question.options) await check(el, `#answer-${optionIndex(question, option.value)}`, wanted.includes(option.value));
      return;
    }
    case 'scale':
      await check(el, `#answer-${Number(value) - 1}`);
      return;
    case 'date':
      if (typeof value === 'object' && !Array.isArray(value)) {
        await typeInto(el, '#answer-day', String(value.day));
        await typeInto(el, '#answer-month', String(value.month));
        await typeInto(el, '#answer-year', String(value.year));
      }
      return;
    case 'info':
      return;
    default:
      await typeInto(el, '#answer', String(value));
  }
}

/** Presses Continue and waits for another page; fails with what the element said if it stays. */
async function pressContinue(el: El, lang: Lang): Promise<void> {
  const before = page(el);
  button(el, TEXT[lang].continue).click();
  await waitUntil(() => page(el) !== before || $(el, '.error-summary'), `a page after "${before}"`);
  await el.updateComplete;
  if (page(el) === before) throw new Error(`Continue stayed on "${before}": ${squash($(el, '.error-summary')?.textContent)}`);
}

async function startNow(el: El, lang: Lang): Promise<void> {
  button(el, TEXT[lang].start).click();
  await waitUntil(() => $(el, '#question-heading'), 'the first question');
  await el.updateComplete;
}

interface WalkOptions {
  /** Stop on arriving at this question (before answering it). */
  stopAt?: string;
  /** Called on every question page before answering it, with the answers given so far. */
  onPage?: (question: LocalisedQuestion, given: Answers) => Promise<void>;
}

/**
 * Answers question after question from `answers` (optional ones left out
 * are skipped with Continue) until the check answers page, or `stopAt`.
 * Returns the questions visited, in order.
 */
async function walk(el: El, lang: Lang, q: LocalisedQuestionnaire, answers: Answers, options: WalkOptions = {}): Promise<string[]> {
  const visited: string[] = [];
  const given: Answers = {};
  for (let step = 0; step < q.questions.length + 2; step++) {
    if ($(el, '#check-heading')) return visited;
    const question = currentQuestion(el, q);
    if (!question) throw new Error(`Expected a question page after ${visited.join(' → ') || 'the start'}, got ${page(el)}`);
    if (question.id === options.stopAt) return visited;
    visited.push(question.id);
    await options.onPage?.(question, given);
    const value = answers[question.id];
    if (value !== undefined) {
      await fillAnswer(el, question, value);
      given[question.id] = value;
    }
    for (const [key, detail] of Object.entries(answers)) {
      if (!key.startsWith(`${question.id}.`)) continue;
      await typeInto(el, `#follow-${key.slice(question.id.length + 1)}`, String(detail));
      given[key] = detail;
    }
    await pressContinue(el, lang);
  }
  throw new Error(`Never reached the check answers page; visited ${visited.join(' → ')}`);
}

const expectedPath = (q: LocalisedQuestionnaire, answers: Answers) => visibleQuestions(q, answers).map((question) => question.id);

/** The answer as the check answers page should show it. */
function shownAnswer(question: LocalisedQuestion, value: AnswerValue): string[] {
  if (question.type === 'single' || question.type === 'multiple') {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return question.options.filter((option) => chosen.includes(option.value)).map((option) => option.label);
  }
  return [String(value)];
}

/** Answers to "What matters to you", with a marker that finds the stored submission. */
function whatMatters(marker: string, contact: 'phone' | 'email' | 'none' = 'email'): Answers {
  return {
    'answering-for': 'myself',
    'good-day': `A walk by the river, then tea with my sister (${marker})`,
    'good-at': 'Baking bread',
    'what-would-help': 'Getting out to the shops again',
    harder: ['eating-drinking', 'money'],
    'harder.eating-drinking': 'Cooking takes me a long time',
    children: 'no',
    'looks-after': 'no',
    feeling: 4,
    safe: 'safe',
    postcode: 'SY4 5JD',
    contact,
  };
}

function lookingAfterSomeone(marker: string): Answers {
  return {
    'cared-for': 'parent',
    'keep-going': `My allotment and my choir (${marker})`,
    age: '18-or-over',
    hours: 35,
    harder: ['time-for-me'],
    health: 'a-little',
    willing: 'with-more-help',
    plan: 'partly',
    feeling: 3,
    safe: 'safe',
    contact: 'none',
  };
}

/** To the check answers page of "What matters to you". */
async function toCheckAnswers(lang: Lang, answers: Answers, options: MakeOptions = {}): Promise<{ el: El; q: LocalisedQuestionnaire }> {
  const q = await definition(options.questionnaire ?? 'what-matters', lang);
  const el = await make(lang, options);
  await startNow(el, lang);
  await walk(el, lang, q, answers);
  return { el, q };
}

async function toResult(lang: Lang, answers: Answers, options: MakeOptions = {}): Promise<{ el: El; q: LocalisedQuestionnaire }> {
  const reached = await toCheckAnswers(lang, answers, options);
  await pressContinue(reached.el, lang);
  expect(page(reached.el)).to.equal('result-heading');
  return reached;
}

async function toSend(lang: Lang, answers: Answers, options: MakeOptions = {}): Promise<{ el: El; q: LocalisedQuestionnaire }> {
  const reached = await toResult(lang, answers, options);
  button(reached.el, TEXT[lang].sendToCouncil).click();
  await waitUntil(() => $(reached.el, '#send-heading'), 'the send page');
  await reached.el.updateComplete;
  return reached;
}

/** Follows an error-summary link and says where focus went. */
function followLink(el: El, link: HTMLAnchorElement): string | undefined {
  const before = location.href;
  link.click();
  expect(location.href, 'an error-summary link does not change the page URL').to.equal(before);
  return focused(el)?.id;
}

async function pressTabUntil(el: El, wanted: (node: Element | null) => boolean, what: string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit && !wanted(focused(el)); presses++) await sendKeys({ press: 'Tab' });
  if (!wanted(focused(el))) throw new Error(`Tab never reached ${what}; focus is on ${describeNode(focused(el))}`);
}

const byId = (id: string) => (node: Element | null) => node?.id === id;
const byName = (name: string) => (node: Element | null) => node !== null && accessibleName(node) === name;

// ------------------------------------------------------------------ tests

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

for (const lang of ['en', 'cy'] as const) {
  const t = TEXT[lang];

  describe(`<cls-self-assessment> in ${lang}`, () => {
    it('shows a start page with the title, the introduction, "Start now" and a labelled resume form', async () => {
      const q = await definition('what-matters', lang);
      const el = await make(lang);
      expect(squash($(el, '#start-heading')?.textContent)).to.equal(q.title);
      for (const paragraph of q.intro) expect(text(el)).to.contain(squash(paragraph));
      expect(buttonsNamed(el, t.start)).to.have.length(1);
      const code = input(el, '#resume-code');
      expect(code, '#resume-code').to.exist;
      expect(squash($(el, 'label[for="resume-code"]')?.textContent)).to.contain(t.resumeLabel);
      expect(buttonsNamed(el, t.resume)).to.have.length(1);
      expect(buttonsNamed(el, t.continueSaved), 'nothing to continue yet').to.have.length(0);
      await expectAccessible(el);
    });

    it('shows an error summary linking to the resume code when the code is wrong or unknown', async () => {
      const el = await make(lang);
      await typeInto(el, '#resume-code', 'nonsense!');
      button(el, t.resume).click();
      await waitUntil(() => $(el, '.error-summary'), 'error summary for a malformed code');
      const summary = $(el, '.error-summary') as HTMLElement;
      expect(squash(summary.textContent)).to.contain(t.summary);
      const link = summary.querySelector<HTMLAnchorElement>('a');
      expect(link, 'a link in the summary').to.exist;
      expect(link?.getAttribute('href')).to.equal('#resume-code');
      await expectAccessible(el);
      expect(followLink(el, link as HTMLAnchorElement)).to.equal('resume-code');

      // Well formed, but no draft has it: another message.
      const malformed = squash(summary.textContent);
      await typeInto(el, '#resume-code', 'ACDEFGHJ');
      button(el, t.resume).click();
      await waitUntil(() => $(el, '.error-summary') && squash($(el, '.error-summary')?.textContent) !== malformed, 'a "not found" error', { timeout: 10_000 });
      expect($(el, '.error-summary a')?.getAttribute('href')).to.equal('#resume-code');
      // How long codes last comes from the draft rule, not a copy in the text.
      expect(squash($(el, '.error-summary')?.textContent)).to.contain(lang === 'en' ? '30 days' : '30 diwrnod');
      expect(page(el)).to.equal('start-heading');
      await expectAccessible(el);
    });

    for (const id of ['what-matters', 'looking-after-someone'] as const) {
      it(`shows every page of "${id}" as the contract lays it out, each accessible`, async function () {
        this.timeout(90_000);
        const q = await definition(id, lang);
        const answers = id === 'what-matters' ? whatMatters(faultName()) : lookingAfterSomeone(faultName());
        const el = await make(lang, { questionnaire: id });
        await startNow(el, lang);
        const seenTypes = new Set<string>();
        const deviations: string[] = [];

        const visited = await walk(el, lang, q, answers, {
          onPage: async (question, given) => {
            try {
              await checkPage(question, given);
            } catch (error) {
              deviations.push((error as Error).message.split('\n').slice(0, 4).join(' | '));
            }
          },
        });

        async function checkPage(question: LocalisedQuestion, given: Answers): Promise<void> {
          seenTypes.add(question.type);
          const where = `${id}/${question.id}`;
          const heading = $(el, '#question-heading') as HTMLElement;
          if (question.type !== 'info') {
            const { index, total } = progress(q, given, question.id);
            expect(squash($(el, '.caption')?.textContent), `${where}: caption`).to.contain(t.caption(index, total));
          }
          expect(buttonsNamed(el, t.back), `${where}: Back`).to.have.length(1);
          const proceed = buttonsNamed(el, t.continue);
          expect(proceed, `${where}: Continue`).to.have.length(1);
          expect(proceed[0]?.getAttribute('type'), `${where}: Continue submits`).to.equal('submit');
          expect(buttonsNamed(el, t.save), `${where}: Save and come back later`).to.have.length(1);
          if (question.hint) expect(squash($(el, '.hint')?.textContent), `${where}: hint`).to.contain(squash(question.hint));
          const label = squash(`${heading.textContent} ${$(el, 'label[for="answer"]')?.textContent ?? ''}`);
          if (question.type !== 'info') expect(label.includes(t.optional), `${where}: "${t.optional}" marks exactly the optional questions`).to.equal(question.optional === true);

          switch (question.type) {
            case 'single':
            case 'multiple': {
              expect(heading.closest('legend'), `${where}: the question is the legend`).to.exist;
              const kind = question.type === 'single' ? 'radio' : 'checkbox';
              question.options.forEach((option, at) => {
                const box = input(el, `#answer-${at}`);
                expect(box?.type, `${where}: #answer-${at}`).to.equal(kind);
                expect(squash($(el, `label[for="answer-${at}"]`)?.textContent), `${where}: label of #answer-${at}`).to.contain(option.label);
              });
              expect(input(el, `#answer-${question.options.length}`), `${where}: no extra option`).to.equal(null);
              break;
            }
            case 'scale':
              for (let at = 0; at < 5; at++) expect(input(el, `#answer-${at}`)?.type, `${where}: scale point ${at + 1}`).to.equal('radio');
              expect(input(el, '#answer-5')).to.equal(null);
              expect(text(el)).to.contain(question.minLabel);
              expect(text(el)).to.contain(question.maxLabel);
              break;
            case 'long-text':
              expect($(el, 'textarea#answer'), `${where}: textarea#answer`).to.exist;
              break;
            case 'number':
            case 'postcode':
            case 'text':
              expect($(el, 'input#answer'), `${where}: input#answer`).to.exist;
              if (question.type === 'number' && question.suffix) {
                // The unit, next to the box (not just somewhere in the question or its hint).
                const suffix = question.suffix;
                const shown = [...root(el).querySelectorAll('*')].some(
                  (node) => !node.closest('#question-heading, .hint') && [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').includes(suffix)),
                );
                expect(shown, `${where}: the suffix "${suffix}" is shown by the box`).to.equal(true);
              }
              break;
            case 'date':
              for (const part of ['day', 'month', 'year']) expect(input(el, `#answer-${part}`), `${where}: #answer-${part}`).to.exist;
              break;
            case 'info':
              for (const paragraph of question.body) expect(text(el)).to.contain(squash(paragraph));
              break;
          }
          await expectAccessible(el);
        }

        expect(visited).to.deep.equal(expectedPath(q, answers));
        expect(deviations, 'every page as the contract says').to.deep.equal([]);
        expect(page(el)).to.equal('check-heading');
        // Both questionnaires together hold these types; each one is checked where it shows.
        const expectedTypes = id === 'what-matters' ? ['single', 'long-text', 'multiple', 'scale', 'info', 'postcode'] : ['single', 'long-text', 'number', 'multiple', 'scale', 'info', 'postcode'];
        expect([...seenTypes].sort()).to.deep.equal([...expectedTypes].sort());
      });
    }

    it('makes "None of these" clear the other choices and another choice clear it, and shows a follow-up box for a chosen option', async () => {
      const q = await definition('what-matters', lang);
      const harder = questionById(q, 'harder');
      const el = await make(lang);
      await startNow(el, lang);
      await walk(el, lang, q, { 'answering-for': 'myself', 'good-day': 'Gardening' }, { stopAt: 'harder' });
      const eating = `#answer-${optionIndex(harder, 'eating-drinking')}`;
      const money = `#answer-${optionIndex(harder, 'money')}`;
      const none = `#answer-${optionIndex(harder, 'none')}`;

      expect(isVisible($(el, '#follow-eating-drinking')), 'no follow-up box before the option is chosen').to.equal(false);
      await check(el, eating);
      await check(el, money);
      await waitUntil(() => isVisible($(el, '#follow-eating-drinking')), 'the follow-up box of the chosen option');
      expect($(el, 'textarea#follow-eating-drinking')).to.exist;
      await expectAccessible(el);

      await check(el, none);
      expect(input(el, none)?.checked).to.equal(true);
      expect(input(el, eating)?.checked, '"None of these" clears "Eating and drinking well"').to.equal(false);
      expect(input(el, money)?.checked, '"None of these" clears "Money, bills or benefits"').to.equal(false);
      await check(el, money);
      const after = `after ticking "money" with "None of these" ticked: none=${String(input(el, none)?.checked)}, money=${String(input(el, money)?.checked)}`;
      expect(input(el, none)?.checked, `another choice clears "None of these" (${after})`).to.equal(false);
      expect(input(el, money)?.checked, `the new choice stays ticked (${after})`).to.equal(true);
      await pressContinue(el, lang);
      button(el, t.back).click();
      await waitUntil(() => currentQuestion(el, q)?.id === 'harder', 'back on the hard things');
      expect([input(el, eating)?.checked, input(el, money)?.checked, input(el, none)?.checked], 'eating, money, none as chosen').to.deep.equal([false, true, false]);
    });

    it('keeps every answer on Back, page after page, back to the start page', async () => {
      const q = await definition('what-matters', lang);
      const el = await make(lang);
      await startNow(el, lang);
      await walk(el, lang, q, { 'answering-for': 'myself', 'good-day': 'Gardening' }, { stopAt: 'harder' });

      // Back keeps the answers of the page left and of the page before, question by question.
      for (const id of ['what-would-help', 'interests', 'good-at', 'people', 'good-day']) {
        button(el, t.back).click();
        await waitUntil(() => currentQuestion(el, q)?.id === id, `back at ${id}`);
      }
      expect($<HTMLTextAreaElement>(el, 'textarea#answer')?.value).to.equal('Gardening');
      button(el, t.back).click();
      await waitUntil(() => currentQuestion(el, q)?.id === 'answering-for', 'the first question');
      expect(input(el, `#answer-${optionIndex(questionById(q, 'answering-for'), 'myself')}`)?.checked).to.equal(true);
      button(el, t.back).click();
      await waitUntil(() => $(el, '#start-heading'), 'the start page');
    });

    it('shows a focused error summary and an inline error on Continue with a required question unanswered', async () => {
      const q = await definition('what-matters', lang);
      const el = await make(lang);
      await startNow(el, lang);
      button(el, t.continue).click();
      await waitUntil(() => $(el, '.error-summary'), 'error summary');
      const summary = $(el, '.error-summary') as HTMLElement;
      expect(squash(summary.textContent)).to.contain(t.summary);
      expect(focused(el), 'the summary takes focus').to.equal(summary);
      expect($(el, '.error-message'), 'inline error').to.exist;
      expect(currentQuestion(el, q)?.id, 'still on the first question').to.equal('answering-for');
      await expectAccessible(el);
      const link = summary.querySelector<HTMLAnchorElement>('a') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('#answer-0');
      expect(followLink(el, link)).to.equal('answer-0');

      // A required text question links to its box.
      await walk(el, lang, q, { 'answering-for': 'myself' }, { stopAt: 'good-day' });
      button(el, t.continue).click();
      await waitUntil(() => $(el, '.error-summary'), 'error summary on the long-text question');
      expect($(el, '.error-summary a')?.getAttribute('href')).to.equal('#answer');
      expect(squash($(el, '.error-message')?.textContent)).to.not.equal('');
      await expectAccessible(el);
    });

    for (const id of ['what-matters', 'looking-after-someone'] as const) {
      it(`shows urgent help at once on choosing an urgent option in "${id}", and says nothing of the answers in cls-urgent`, async () => {
        const q = await definition(id, lang);
        const marker = faultName();
        const answers = id === 'what-matters' ? whatMatters(marker) : lookingAfterSomeone(marker);
        const el = await make(lang, { questionnaire: id });
        await startNow(el, lang);
        await walk(el, lang, q, answers, { stopAt: 'safe' });
        expect($(el, '.urgent'), 'no urgent panel before an urgent answer').to.equal(null);

        const events: CustomEvent[] = [];
        el.addEventListener('cls-urgent', (event) => events.push(event as CustomEvent));
        const safe = questionById(q, 'safe');
        await check(el, `#answer-${optionIndex(safe, 'might-hurt-self')}`);
        await waitUntil(() => $(el, '.urgent'), 'the urgent panel, without pressing Continue');
        const panel = $(el, '.urgent') as HTMLElement;
        expect(panel.getAttribute('role')).to.equal('alert');
        expect(squash(panel.textContent)).to.contain('999');
        expect(squash(panel.textContent)).to.contain('116 123');
        expect(currentQuestion(el, q)?.id, 'still on the question').to.equal('safe');
        await waitUntil(() => events.length > 0, 'a cls-urgent event');
        const detail = JSON.stringify(events[0]?.detail ?? null);
        expect(events[0]?.bubbles && events[0]?.composed, 'cls-urgent bubbles out of the shadow root').to.equal(true);
        expect(detail, 'no free text in cls-urgent').to.not.contain(marker);
        const chosen = safe.type === 'single' ? safe.options.find((option) => option.value === 'might-hurt-self')?.label ?? '' : '';
        expect(detail, 'no option label in cls-urgent').to.not.contain(chosen);
        await expectAccessible(el);
      });
    }

    it('lists every answer on the check answers page, and Change goes to the question and back', async () => {
      const marker = faultName();
      const answers = whatMatters(marker);
      const { el, q } = await toCheckAnswers(lang, answers);
      expect(squash($(el, '#check-heading')?.textContent)).to.equal(t.check);
      const list = $(el, 'dl.check');
      expect(list, 'dl.check').to.exist;
      const rows = [...root(el).querySelectorAll<HTMLElement>('dl.check [data-question]')];
      const rowIds = rows.map((row) => row.dataset['question'] ?? '');
      const visible = visibleQuestions(q, answers).filter((question) => question.type !== 'info');
      const answered = visible.filter((question) => answers[question.id] !== undefined);
      for (const question of answered) {
        const row = rows.find((candidate) => candidate.dataset['question'] === question.id);
        expect(row, `a row for ${question.id}`).to.exist;
        const rowText = squash(row?.textContent);
        expect(rowText, `${question.id}: the question`).to.contain(question.title);
        for (const shown of shownAnswer(question, answers[question.id] as AnswerValue)) expect(rowText, `${question.id}: the answer`).to.contain(shown);
        const change = [...(row as HTMLElement).querySelectorAll('button, a[href]')].filter((node) => accessibleName(node).startsWith(t.change));
        expect(change, `${question.id}: one Change button`).to.have.length(1);
      }
      expect(rowIds.filter((rowId) => !visible.some((question) => question.id === rowId)), 'no rows for hidden questions or information pages').to.deep.equal([]);
      expect(new Set(rowIds).size, 'one row per question').to.equal(rowIds.length);
      await expectAccessible(el);

      // Change the scale from 4 to 2: the question after it is answered already.
      const feelingChange = [...root(el).querySelectorAll<HTMLElement>('dl.check [data-question="feeling"] button, dl.check [data-question="feeling"] a[href]')].find((node) =>
        accessibleName(node).startsWith(t.change),
      ) as HTMLElement;
      feelingChange.click();
      await waitUntil(() => currentQuestion(el, q)?.id === 'feeling', 'the feeling question');
      expect(input(el, '#answer-3')?.checked, 'the saved scale answer is chosen').to.equal(true);
      await check(el, '#answer-1');
      await pressContinue(el, lang);
      expect(page(el)).to.equal('check-heading');
      expect(squash($(el, 'dl.check [data-question="feeling"]')?.textContent)).to.contain('2');
      expect(squash($(el, 'dl.check [data-question="feeling"]')?.textContent)).to.not.contain('4');
    });

    it('comes back to the check answers page after Change even when an unanswered optional question follows', async () => {
      const marker = faultName();
      const answers = whatMatters(marker);
      const { el, q } = await toCheckAnswers(lang, answers);
      const rows = [...root(el).querySelectorAll<HTMLElement>('dl.check [data-question]')];
      // Change the good day ("Who do you see…", optional, follows unanswered), and come straight back.
      const row = rows.find((candidate) => candidate.dataset['question'] === 'good-day') as HTMLElement;
      const change = [...row.querySelectorAll<HTMLElement>('button, a[href]')].find((node) => accessibleName(node).startsWith(t.change)) as HTMLElement;
      change.click();
      await waitUntil(() => currentQuestion(el, q)?.id === 'good-day', 'the good day question');
      expect($<HTMLTextAreaElement>(el, 'textarea#answer')?.value).to.equal(answers['good-day']);
      const changed = `Singing with the choir (${marker})`;
      await typeInto(el, 'textarea#answer', changed);
      await pressContinue(el, lang);
      expect(page(el), 'Continue after Change returns to the check page').to.equal('check-heading');
      expect(squash($(el, 'dl.check [data-question="good-day"]')?.textContent)).to.contain(changed);

    });

    it('shows the result: strengths in the person’s words, the hard areas, the next step, and fires cls-next-step', async () => {
      const marker = faultName();
      const answers = whatMatters(marker);
      const { el, q } = await toResult(lang, answers);
      const result = outcome(q, answers);
      const shown = text(el);
      expect($(el, '#result-heading'), '#result-heading').to.exist;
      expect(shown, 'strength: good day').to.contain(String(answers['good-day']));
      expect(shown, 'strength: good at').to.contain(String(answers['good-at']));
      expect(result.areas.map((area) => area.label)).to.have.length(2);
      for (const area of result.areas) expect(shown, `area ${area.area}`).to.contain(area.label);
      for (const area of q.outcomes.areas.filter((candidate) => !result.areas.some((chosen) => chosen.area === candidate.area))) {
        expect(shown, `area not chosen: ${area.area}`).to.not.contain(area.label);
      }
      expect(shown, 'the next step').to.contain(result.nextStep.title);
      await expectAccessible(el);
      expect(buttonsNamed(el, t.hub), 'no hub finder on the page, no button for it').to.have.length(0);
      expect(buttonsNamed(el, t.wheel), 'no resource wheel on the page, no button for it').to.have.length(0);
      expect(buttonsNamed(el, t.sendToCouncil)).to.have.length(1);
    });

    it('lists community options for the hard areas near the person’s postcode, and offers an email copy without answers unless asked', async () => {
      const marker = faultName();
      const answers = whatMatters(marker);
      const { el, q } = await toResult(lang, answers);
      const areas = outcome(q, answers).areas.map((area) => area.label);
      await waitUntil(() => $(el, '.community') && !$(el, '.community[aria-busy="true"]'), 'community options loaded', { timeout: 10_000 });
      expect(squash($(el, '#community-heading')?.textContent)).to.contain(String(answers['postcode']));
      const items = [...root(el).querySelectorAll('.options li')].map((item) => squash(item.textContent));
      expect(items.length, 'some options, at most 5').to.be.within(1, 5);
      for (const item of items) {
        expect(areas.some((area) => item.includes(area)), `${item} is for one of ${areas.join(', ')}`).to.equal(true);
        expect(item, 'with its distance').to.match(lang === 'en' ? /away/ : /i ffwrdd/);
      }
      await expectAccessible(el);

      const mail = () => decodeURIComponent($<HTMLAnchorElement>(el, 'a[href^="mailto:"]')?.getAttribute('href') ?? '');
      expect(mail()).to.contain(q.title);
      expect(mail(), 'no answers in the email by default').to.not.contain(marker);
      expect(mail()).to.not.contain(String(answers['good-at']));
      await check(el, '#email-answers-0');
      expect(mail(), 'the answers once the person asks').to.contain(marker);
      expect(mail()).to.contain(String(answers['good-at']));
      await expectAccessible(el);
    });

    it('says when community options cannot be loaded, and Try again loads them', async () => {
      const name = faultName();
      const answers = whatMatters(faultName());
      const q = await definition('what-matters', lang);
      const el = await fixture<El>(html`<cls-self-assessment lang=${lang} api-base="/api/v1" directory="/faults/${name}/down/oruk/"></cls-self-assessment>`);
      await waitUntil(() => $(el, '#start-heading'), 'the start page');
      await startNow(el, lang);
      await walk(el, lang, q, answers);
      await pressContinue(el, lang);
      await waitUntil(() => $(el, '.community') && !$(el, '.community[aria-busy="true"]'), 'community options settled', { timeout: 15_000 });
      expect(root(el).querySelectorAll('.options li')).to.have.length(0);
      expect(buttonsNamed(el, t.tryAgain, $(el, '.community') ?? undefined)).to.have.length(1);
      await expectAccessible(el);
      await heal(name);
      button(el, t.tryAgain, $(el, '.community') ?? undefined).click();
      await waitUntil(() => root(el).querySelectorAll('.options li').length > 0, 'options after Try again', { timeout: 10_000 });
    });

    it('opens the hub finder on the page with the person’s postcode, and leaves the resource wheel to a host that cancels cls-next-step', async () => {
      const hub = Object.assign(document.createElement('cls-hub-finder'), { hidden: true });
      const wheel = Object.assign(document.createElement('cls-resource-wheel'), { hidden: true });
      document.body.append(hub, wheel);
      try {
        const answers = whatMatters(faultName());
        const { el } = await toResult(lang, answers);
        const steps: Array<{ step: string; answers?: unknown }> = [];
        const listener = (event: Event) => {
          const detail = (event as CustomEvent<{ step: string; answers?: unknown }>).detail;
          steps.push(detail);
          if (detail.step === 'resource-wheel') event.preventDefault();
        };
        document.addEventListener('cls-next-step', listener);
        button(el, t.hub).click();
        await waitUntil(() => document.activeElement === hub && hub.shadowRoot?.activeElement, 'focus in the hub finder');
        expect(hub.hidden, 'the hub finder is shown').to.equal(false);
        expect(hub.getAttribute('postcode')).to.equal(answers['postcode']);
        button(el, t.wheel).click();
        await waitUntil(() => steps.length === 2, 'two cls-next-step events');
        document.removeEventListener('cls-next-step', listener);
        expect(steps.map((detail) => detail.step)).to.deep.equal(['hub-finder', 'resource-wheel']);
        expect(steps.some((detail) => 'answers' in detail), 'no answers in the events by default').to.equal(false);
        expect(wheel.hidden, 'the host cancelled it: the wheel stays hidden').to.equal(true);
        expect(wheel.hasAttribute('postcode')).to.equal(false);
      } finally {
        hub.remove();
        wheel.remove();
      }
    });

    it('asks for consent before sending, then sends once with a reference and cls-submit, cls-complete', async () => {
      const marker = faultName();
      const answers = whatMatters(marker, 'email');
      const { el, q } = await toSend(lang, answers);
      expect(squash($(el, '#send-heading')?.textContent)).to.not.equal('');
      expect(text(el)).to.contain(squash(q.consent));
      expect(input(el, '#consent-0')?.type).to.equal('checkbox');
      expect(input(el, '#contact-name'), '#contact-name').to.exist;
      expect(squash($(el, 'label[for="contact-name"]')?.textContent)).to.equal(t.name);
      // The contact answer was "By email": an email box.
      expect(input(el, '#contact-value')?.type, '#contact-value for email').to.equal('email');
      expect(squash($(el, 'label[for="contact-value"]')?.textContent), 'a label for #contact-value').to.not.equal('');
      await expectAccessible(el);

      await typeInto(el, '#contact-name', 'Ann Example');
      await typeInto(el, '#contact-value', 'ann@example.org');
      button(el, t.send).click();
      await waitUntil(() => $(el, '.error-summary'), 'consent error');
      const summary = $(el, '.error-summary') as HTMLElement;
      expect(squash(summary.textContent)).to.contain(t.summary);
      expect(focused(el)).to.equal(summary);
      expect(summary.querySelector('a')?.getAttribute('href')).to.equal('#consent-0');
      expect(await submissionsWith(marker), 'nothing sent without consent').to.have.length(0);
      await expectAccessible(el);

      const order: string[] = [];
      el.addEventListener('cls-submit', () => order.push('cls-submit'));
      el.addEventListener('cls-complete', () => order.push('cls-complete'));
      await check(el, '#consent-0');
      button(el, t.send).click();
      await waitUntil(() => $(el, '.panel') && REFERENCE.test($(el, '.panel')?.textContent ?? ''), 'confirmation panel with a reference', { timeout: 10_000 });
      const panel = $(el, '.panel') as HTMLElement;
      expect(focused(el)).to.equal(panel);
      const reference = (panel.textContent ?? '').match(REFERENCE)?.[0];
      await waitUntil(() => order.length === 2, 'cls-submit and cls-complete');
      expect(order).to.deep.equal(['cls-submit', 'cls-complete']);
      await expectAccessible(el);

      const stored = await submissionsWith(marker);
      expect(stored).to.have.length(1);
      expect(stored[0]?.reference).to.equal(reference);
      expect(stored[0]?.questionnaireId).to.equal('what-matters');
      expect(stored[0]?.lang).to.equal(lang);
      expect(stored[0]?.contact).to.deep.equal({ name: 'Ann Example', method: 'email', value: 'ann@example.org' });
      expect(stored[0]?.answers['good-day']).to.equal(answers['good-day']);
      expect(stored[0]?.answers['harder']).to.deep.equal(answers['harder']);
    });

    it('keeps everything when the server is down, and Try again sends it once with the same Idempotency-Key', async () => {
      const marker = faultName();
      const answers = whatMatters(marker, 'none');
      const { el } = await toSend(lang, answers);
      expect(input(el, '#contact-value'), 'no contact box when no contact is wanted').to.equal(null);
      // The questionnaire came from the real API; sending now goes through a failing proxy.
      const name = faultName();
      el.setAttribute('api-base', `/faults/${name}/down/api/v1`);
      await el.updateComplete;
      await check(el, '#consent-0');
      await typeInto(el, '#contact-name', 'Bob Example');
      const watch = watchSubmissions();
      try {
        button(el, t.send).click();
        await waitUntil(() => $(el, '.notification'), 'failure notification', { timeout: 15_000 });
        const banner = $(el, '.notification') as HTMLElement;
        expect(squash(banner.textContent)).to.contain(t.server);
        expect(input(el, '#consent-0')?.checked, 'consent kept').to.equal(true);
        expect(input(el, '#contact-name')?.value, 'name kept').to.equal('Bob Example');
        expect(await submissionsWith(marker)).to.have.length(0);
        await expectAccessible(el);

        await heal(name);
        button(el, t.tryAgain, banner).click();
        await waitUntil(() => REFERENCE.test($(el, '.panel')?.textContent ?? ''), 'confirmation panel after Try again', { timeout: 10_000 });
        const { count } = (await (await fetch(`/faults/${name}/count`)).json()) as { count: number };
        expect(count, 'both attempts went through the proxy').to.be.greaterThan(1);
        expect(watch.keys.length).to.be.greaterThan(1);
        expect(new Set(watch.keys).size, `one Idempotency-Key for every attempt (${watch.keys.join(', ')})`).to.equal(1);
      } finally {
        watch.restore();
      }
      expect(await submissionsWith(marker)).to.have.length(1);
    });

    it('says it is offline when sending offline, keeps the answers and sends once afterwards', async () => {
      const marker = faultName();
      const { el } = await toSend(lang, whatMatters(marker, 'none'));
      await check(el, '#consent-0');
      // The runner's link to the page is cut while offline, so the page presses Send itself.
      window.addEventListener('offline', () => button(el, t.send).click(), { once: true });
      const back = new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
      const command = executeServerCommand('go-offline', { ms: 1500 });
      await waitUntil(() => $(el, '.notification'), 'failure notification', { timeout: 10_000 });
      await back;
      await command;
      const banner = $(el, '.notification') as HTMLElement;
      expect(squash(banner.textContent)).to.contain(t.offline);
      expect(input(el, '#consent-0')?.checked).to.equal(true);
      button(el, t.tryAgain, banner).click();
      await waitUntil(() => REFERENCE.test($(el, '.panel')?.textContent ?? ''), 'confirmation panel after Try again', { timeout: 10_000 });
      expect(await submissionsWith(marker)).to.have.length(1);
    });

    it('says it is offline when saving offline, keeps the answers, and saves them once back online', async () => {
      const q = await definition('what-matters', lang);
      const marker = faultName();
      const answers = whatMatters(marker);
      const el = await make(lang);
      await startNow(el, lang);
      await walk(el, lang, q, answers, { stopAt: 'harder' });
      // The runner's link to the page is cut while offline, so the page presses Save itself.
      window.addEventListener('offline', () => button(el, t.save).click(), { once: true });
      const back = new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
      const command = executeServerCommand('go-offline', { ms: 1500 });
      await waitUntil(() => $(el, '.notification'), 'failure notification', { timeout: 10_000 });
      await back;
      await command;
      expect(squash($(el, '.notification')?.textContent)).to.contain(t.offline);
      expect(currentQuestion(el, q)?.id, 'still at the same question').to.equal('harder');
      await expectAccessible(el);
      button(el, t.save).click();
      await waitUntil(() => $(el, '.panel .resume-code'), 'the saved panel with its code', { timeout: 10_000 });
      const code = squash($(el, '.panel .resume-code')?.textContent).replace(/[\s-]/g, '');
      const draft = (await (await fetch(`/api/v1/drafts/${code}`)).json()) as { answers: Answers };
      expect(draft.answers['good-day'], 'the answers given before going offline, saved').to.equal(answers['good-day']);
    });

    it('saves with a resume code, and a new element continues at the saved question with the saved answers', async () => {
      const q = await definition('what-matters', lang);
      const marker = faultName();
      const answers = whatMatters(marker);
      const el = await make(lang);
      await startNow(el, lang);
      await walk(el, lang, q, answers, { stopAt: 'harder' });
      const saves: Array<{ code?: string }> = [];
      el.addEventListener('cls-save', (event) => saves.push((event as CustomEvent<{ code?: string }>).detail));
      button(el, t.save).click();
      await waitUntil(() => $(el, '.panel .resume-code'), 'the saved panel with its code', { timeout: 10_000 });
      const code = squash($(el, '.panel .resume-code')?.textContent).replace(/[\s-]/g, '');
      expect(code).to.match(RESUME_CODE);
      await waitUntil(() => saves.length === 1, 'cls-save');
      expect(saves[0]?.code?.replace(/[\s-]/g, '')).to.equal(code);
      expect(squash(el.shadowRoot?.textContent)).to.contain(t.lasts);
      await expectAccessible(el);

      const draft = (await (await fetch(`/api/v1/drafts/${code}`)).json()) as { answers: Answers; at?: string };
      expect(draft.answers['good-day']).to.equal(answers['good-day']);
      el.remove();
      localStorage.clear();

      // By attribute…
      const resumed = await make(lang, { resume: code });
      await waitUntil(() => currentQuestion(resumed, q)?.id === 'harder', `the saved question; the element shows ${page(resumed)}`);
      button(resumed, t.back).click();
      await waitUntil(() => currentQuestion(resumed, q)?.id === 'what-would-help', 'the question before');
      expect($<HTMLTextAreaElement>(resumed, 'textarea#answer')?.value).to.equal(answers['what-would-help']);
      resumed.remove();
      localStorage.clear();

      // …and by typing the code on the start page, in lower case with a dash.
      const typed = await make(lang);
      await typeInto(typed, '#resume-code', `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase());
      button(typed, t.resume).click();
      await waitUntil(() => currentQuestion(typed, q)?.id === 'harder', 'the saved question after typing the code');
      const rest = await walk(typed, lang, q, answers);
      expect(rest[0]).to.equal('harder');
      expect(squash($(typed, 'dl.check [data-question="good-day"]')?.textContent)).to.contain(String(answers['good-day']));
    });

    it('carries on at the same question after a reload, says so with a way to start again, and keeps nothing in kiosk mode', async () => {
      const q = await definition('what-matters', lang);
      const answers = whatMatters(faultName());
      const el = await make(lang);
      await startNow(el, lang);
      await walk(el, lang, q, answers, { stopAt: 'people' });
      await waitUntil(() => selfAssessmentKeys().length > 0, 'answers kept in localStorage');
      el.remove();

      const again = await make(lang);
      expect(currentQuestion(again, q)?.id, 'back at the question left off at').to.equal('people');
      expect(focused(again), 'a reload does not pull focus into the widget').to.equal(null);
      expect(text(again)).to.contain(t.restored);
      await expectAccessible(again);
      button(again, t.back).click();
      await waitUntil(() => currentQuestion(again, q)?.id === 'good-day', 'the question before');
      expect($<HTMLTextAreaElement>(again, 'textarea#answer')?.value).to.equal(answers['good-day']);
      expect(text(again), 'the notice goes once the person moves on').to.not.contain(t.restored);
      again.remove();

      // "Start again" deletes them from the device.
      const third = await make(lang);
      expect(currentQuestion(third, q)?.id).to.equal('good-day');
      button(third, t.startAgain).click();
      await waitUntil(() => $(third, '#start-heading'), 'the start page');
      expect(selfAssessmentKeys(), 'nothing kept after Start again').to.deep.equal([]);
      expect(buttonsNamed(third, t.continueSaved)).to.have.length(0);
      await startNow(third, lang);
      expect(input(third, '#answer-0')?.checked, 'the first answer is gone').to.equal(false);
      third.remove();
      localStorage.clear();

      const kiosk = await make(lang, { kiosk: true });
      await startNow(kiosk, lang);
      await walk(kiosk, lang, q, answers);
      await pressContinue(kiosk, lang);
      expect(page(kiosk)).to.equal('result-heading');
      expect(selfAssessmentKeys(), 'kiosk: nothing in localStorage').to.deep.equal([]);
      kiosk.remove();
      const next = await make(lang, { kiosk: true });
      expect(page(next), 'kiosk: a new person starts at the start page').to.equal('start-heading');
      expect(buttonsNamed(next, t.continueSaved), 'kiosk: nothing to continue').to.have.length(0);
    });
  });
}

describe('<cls-self-assessment> with the keyboard alone', () => {
  it('completes a short path of "What matters to you" and sends it, with Tab, arrows, Space and Enter', async function () {
    this.timeout(60_000);
    const lang = 'en';
    const t = TEXT[lang];
    const q = await definition('what-matters', lang);
    const marker = faultName();
    const el = await make(lang);

    const radio = async (index: number) => {
      await pressTabUntil(el, (node) => (node as HTMLInputElement | null)?.type === 'radio', 'the options');
      if (index === 0) await sendKeys({ press: 'Space' });
      for (let step = 0; step < index; step++) await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)?.id).to.equal(`answer-${index}`);
      expect((focused(el) as HTMLInputElement).checked).to.equal(true);
    };
    const next = async () => {
      const before = page(el);
      await pressTabUntil(el, byName(t.continue), 'Continue');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => page(el) !== before, `a page after "${before}"`);
      await el.updateComplete;
    };
    const on = (id: string) => expect(currentQuestion(el, q)?.id ?? page(el)).to.equal(id);

    await pressTabUntil(el, byName(t.start), 'Start now');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#question-heading'), 'the first question');
    on('answering-for');
    await radio(0);
    await next();
    on('good-day');
    await pressTabUntil(el, byId('answer'), 'the answer box');
    await sendKeys({ type: `Reading the paper (${marker})` });
    await next();
    on('people');
    await next();
    on('good-at');
    await next();
    on('interests');
    await next();
    on('what-would-help');
    await next();
    on('harder');
    const harder = questionById(q, 'harder');
    await pressTabUntil(el, byId(`answer-${optionIndex(harder, 'none')}`), '"None of these"');
    await sendKeys({ press: 'Space' });
    expect(input(el, `#answer-${optionIndex(harder, 'none')}`)?.checked).to.equal(true);
    await next();
    on('children');
    await radio(1);
    await next();
    on('looks-after');
    await radio(0);
    await next();
    on('feeling');
    await radio(2);
    await next();
    on('safe');
    await radio(0);
    await next();
    on('anything-else');
    await next();
    on('what-happens-next');
    await next();
    on('postcode');
    await next();
    on('contact');
    await radio(2);
    await next();
    on('check-heading');
    await next();
    on('result-heading');
    await pressTabUntil(el, byName(t.sendToCouncil), t.sendToCouncil);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#send-heading'), 'the send page');
    await pressTabUntil(el, byId('consent-0'), 'the consent box');
    await sendKeys({ press: 'Space' });
    await pressTabUntil(el, byName(t.send), 'Send');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => REFERENCE.test($(el, '.panel')?.textContent ?? ''), 'confirmation panel', { timeout: 10_000 });
    const stored = await submissionsWith(marker);
    expect(stored).to.have.length(1);
    expect(stored[0]?.answers).to.deep.include({ 'answering-for': 'myself', harder: ['none'], children: 'no', 'looks-after': 'no', feeling: 3, safe: 'safe', contact: 'none' });
  });
});

describe('<cls-self-assessment> and the browser’s history', () => {
  it('steps through the questions with the browser’s Back and Forward under `history`, keeping the answers, the URL and the host’s own state', async function () {
    this.timeout(40_000);
    const lang = 'en';
    const q = await definition('what-matters', lang);
    const answers = whatMatters(faultName());
    const url = location.href;
    history.replaceState({ host: 'route-1' }, '');
    const el = await make(lang, { history: true });
    await startNow(el, lang);
    await walk(el, lang, q, answers, { stopAt: 'good-at' });
    expect(currentQuestion(el, q)?.id).to.equal('good-at');

    history.back();
    await waitUntil(() => currentQuestion(el, q)?.id === 'people', `Back to "people"; the element shows ${page(el)}`);
    history.back();
    await waitUntil(() => currentQuestion(el, q)?.id === 'good-day', `Back to "good-day"; the element shows ${page(el)}`);
    expect($<HTMLTextAreaElement>(el, 'textarea#answer')?.value, 'the answer is still there').to.equal(answers['good-day']);
    history.forward();
    await waitUntil(() => currentQuestion(el, q)?.id === 'people', `Forward to "people"; the element shows ${page(el)}`);
    history.go(-3);
    await waitUntil(() => $(el, '#start-heading'), `Back to the start page; the element shows ${page(el)}`);
    expect(location.href, 'the URL never changes').to.equal(url);
    expect((history.state as { host?: string }).host, 'the host’s own history state is kept').to.equal('route-1');
    el.remove();
  });

  it('leaves the browser’s history alone without `history`', async () => {
    const lang = 'en';
    const q = await definition('what-matters', lang);
    const before = history.length;
    const el = await make(lang);
    await startNow(el, lang);
    await walk(el, lang, q, whatMatters(faultName()), { stopAt: 'good-at' });
    expect(history.length).to.equal(before);
    el.remove();
  });
});

describe('<cls-self-assessment> properties and opt-ins', () => {
  /** A charity's own definition, with markup in its texts that must show as characters. */
  const hostile = '<img src="x" onerror="window.__clsPwned = true">';
  const charity = {
    id: 'charity-check',
    version: 1,
    title: { en: `${hostile}Our quick check`, cy: `${hostile}Ein gwiriad cyflym` },
    intro: [{ en: '<b>Two questions.</b>', cy: '<b>Dau gwestiwn.</b>' }],
    minutes: 1,
    consent: { en: 'We keep it for a year.', cy: 'Rydym yn ei gadw am flwyddyn.' },
    questions: [
      {
        id: 'walks',
        type: 'single',
        title: { en: `${hostile}Do you like walking?`, cy: `${hostile}Ydych chi’n hoffi cerdded?` },
        options: [
          { value: 'yes', label: { en: '<i>Yes</i>', cy: '<i>Ydw</i>' } },
          { value: 'no', label: { en: 'No', cy: 'Nac ydw' } },
        ],
      },
      { id: 'where', type: 'text', title: { en: 'Where do you walk?', cy: 'Ble rydych chi’n cerdded?' }, optional: true },
    ],
    outcomes: { areas: [], nextSteps: [{ step: 'self-serve', title: { en: 'Join a walk', cy: 'Ymuno â thaith gerdded' }, body: { en: 'Walks every week.', cy: 'Teithiau bob wythnos.' } }] },
  };

  for (const lang of ['en', 'cy'] as const) {
    it(`runs a definition given as a property with no server, shows its markup as text, and reads and sets \`answers\` (${lang})`, async () => {
      const el = await fixture<El>(html`<cls-self-assessment lang=${lang} api-base="/faults/nowhere/api/v1" .definition=${charity}></cls-self-assessment>`);
      await waitUntil(() => $(el, '#start-heading'), 'the start page');
      const title = charity.title[lang];
      expect(squash($(el, '#start-heading')?.textContent)).to.equal(title);
      expect(text(el)).to.contain(charity.intro[0]?.[lang]);
      await startNow(el, lang);
      expect(squash($(el, '#question-heading')?.textContent)).to.contain(charity.questions[0]?.title[lang]);
      expect(text(el)).to.contain(lang === 'en' ? '<i>Yes</i>' : '<i>Ydw</i>');
      expect(root(el).querySelectorAll('img, b, i'), 'no element from the definition’s text').to.have.length(0);
      expect((window as Window & { __clsPwned?: boolean }).__clsPwned).to.equal(undefined);
      await expectAccessible(el);

      await check(el, '#answer-0');
      expect((el as El & { answers: Answers }).answers).to.deep.equal({ walks: 'yes' });
      await pressContinue(el, lang);
      await typeInto(el, '#answer', 'By the canal');
      await pressContinue(el, lang);
      expect(page(el)).to.equal('check-heading');
      (el as El & { answers: Answers }).answers = { walks: 'no', where: 'In the park' };
      await el.updateComplete;
      expect(squash($(el, 'dl.check [data-question="walks"]')?.textContent)).to.contain(lang === 'en' ? 'No' : 'Nac ydw');
      expect(squash($(el, 'dl.check [data-question="where"]')?.textContent)).to.contain('In the park');
    });
  }

  it('puts the answers in event details only when the host sets `include-answers`', async () => {
    const lang = 'en';
    const q = await definition('what-matters', lang);
    const marker = faultName();
    const details = async (includeAnswers: boolean) => {
      const seen: unknown[] = [];
      const el = await make(lang, { includeAnswers });
      el.addEventListener('cls-step-change', (event) => seen.push((event as CustomEvent).detail));
      await startNow(el, lang);
      await walk(el, lang, q, whatMatters(marker), { stopAt: 'good-at' });
      el.remove();
      localStorage.clear();
      return JSON.stringify(seen);
    };
    expect(await details(false), 'no answer text by default').to.not.contain(marker);
    expect(await details(true), 'answers when the host opts in').to.contain(marker);
  });

  it('gives a link that resumes the saved answers, and carries on answering after saving', async () => {
    const lang = 'en';
    const t = TEXT[lang];
    const q = await definition('what-matters', lang);
    const answers = whatMatters(faultName());
    const el = await make(lang);
    await startNow(el, lang);
    await walk(el, lang, q, answers, { stopAt: 'harder' });
    button(el, t.save).click();
    await waitUntil(() => $(el, '.panel .resume-code'), 'the saved panel', { timeout: 10_000 });
    const code = squash($(el, '.panel .resume-code')?.textContent);
    const link = input(el, '#resume-link')?.value ?? '';
    expect(new URL(link).searchParams.get('cls-resume')).to.equal(code.replace(' ', ''), 'the link has the code, the page shows it in two groups');
    expect(new URL(link).pathname).to.equal(location.pathname);
    button(el, 'Copy link').click();
    await waitUntil(() => /Copied|Select the link/.test(squash($(el, '[role="status"]')?.textContent)), 'copied, or asked to copy it');
    button(el, t.carryOn).click();
    await waitUntil(() => currentQuestion(el, q)?.id === 'harder', 'back at the question');
    el.remove();
    localStorage.clear();

    const url = location.href;
    history.replaceState(history.state, '', link);
    try {
      const resumed = await make(lang);
      await waitUntil(() => currentQuestion(resumed, q)?.id === 'harder', `the saved question from the link; the element shows ${page(resumed)}`);
      resumed.remove();
    } finally {
      history.replaceState(history.state, '', url);
    }
  });
});

describe('<cls-self-assessment> at 320 px', () => {
  before(async () => setViewport({ width: 320, height: 640 }));
  after(async () => setViewport({ width: 800, height: 600 }));

  /** Nothing sticks out sideways: no horizontal scrolling on a small phone. */
  function expectFits(el: El, where: string): void {
    const wide = [...root(el).querySelectorAll<HTMLElement>('*')].filter((node) => node.getBoundingClientRect().right > window.innerWidth + 0.5);
    expect(wide.map(describeNode), `${where}: wider than 320 px`).to.deep.equal([]);
    expect(document.documentElement.scrollWidth, `${where}: the page scrolls sideways`).to.be.at.most(window.innerWidth);
  }

  for (const lang of ['en', 'cy'] as const) {
    it(`fits and is accessible on every page of "What matters to you" (${lang})`, async function () {
      this.timeout(60_000);
      const t = TEXT[lang];
      const q = await definition('what-matters', lang);
      const answers = whatMatters(faultName());
      const el = await make(lang);
      expectFits(el, 'start');
      await expectAccessible(el);
      await startNow(el, lang);
      await walk(el, lang, q, answers, {
        onPage: async (question) => {
          expectFits(el, question.id);
          await expectAccessible(el);
        },
      });
      expectFits(el, 'check answers');
      await expectAccessible(el);
      await pressContinue(el, lang);
      expectFits(el, 'result');
      await expectAccessible(el);
      button(el, t.sendToCouncil).click();
      await waitUntil(() => $(el, '#send-heading'), 'the send page');
      button(el, t.send).click();
      await waitUntil(() => $(el, '.error-summary'), 'the consent error');
      expectFits(el, 'send with an error');
      await expectAccessible(el);
    });
  }
});

describe('<cls-self-assessment> with a timeout set by the host', () => {
  const MINUTE = 60_000;

  it('warns 2 minutes ahead; "Continue" keeps the answers; left alone it deletes them and says so', async () => {
    const lang = 'en';
    const q = await definition('what-matters', lang);
    const el = await make(lang, { timeout: 5 });
    const timeouts: unknown[] = [];
    el.addEventListener('cls-timeout', (event) => timeouts.push(event));
    // Timers and Date only: Lit's updates and the runner's messages run on promises.
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      // No waitUntil while the clock is fake: it polls on timers.
      button(el, TEXT[lang].start).click();
      await el.updateComplete;
      await fillAnswer(el, questionById(q, 'answering-for'), 'myself');
      button(el, TEXT[lang].continue).click();
      await el.updateComplete;
      expect(currentQuestion(el, q)?.id).to.equal('good-day');
      const dialog = () => $<HTMLDialogElement>(el, 'dialog');
      await clock.tickAsync(3 * MINUTE - 1000);
      await el.updateComplete;
      expect(dialog()?.open ?? false, 'no warning before 3 minutes').to.equal(false);
      await clock.tickAsync(1000);
      await el.updateComplete;
      expect(dialog()?.open, 'the warning 2 minutes before').to.equal(true);
      expect(squash(dialog()?.textContent)).to.contain('You will lose your answers soon');
      expect(dialog()?.contains(focused(el)), 'focus in the warning').to.equal(true);

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(dialog()?.open, 'Continue closes it').to.equal(false);
      await clock.tickAsync(2 * MINUTE);
      await el.updateComplete;
      expect(currentQuestion(el, q)?.id, 'still answering at the old deadline').to.equal('good-day');
      expect(selfAssessmentKeys()).to.have.length(1);

      await clock.tickAsync(3 * MINUTE);
      await el.updateComplete;
      expect(page(el), 'the start page after the timeout').to.equal('start-heading');
      expect(text(el)).to.contain('We deleted your answers');
      expect(selfAssessmentKeys(), 'nothing left on the device').to.deep.equal([]);
      expect(timeouts).to.have.length(1);
      button(el, TEXT[lang].start).click();
      await el.updateComplete;
      expect(input(el, '#answer-0')?.checked, 'the answer is gone').to.equal(false);
    } finally {
      clock.restore();
    }
    await expectAccessible(el);
  });
});

describe('<cls-self-assessment> on the element base', () => {
  const KEY = 'cls-self-assessment:what-matters';
  const DAY = 24 * 60 * 60 * 1000;

  it('puts its own headings at the host’s `heading-level`, and everything inside it one level below', async () => {
    const el = await fixture<El>(html`<cls-self-assessment lang="en" api-base="/api/v1" heading-level="3"></cls-self-assessment>`);
    await waitUntil(() => $(el, '#start-heading'), 'the start page');
    const levels = () => [...root(el).querySelectorAll('[role="heading"]')].map((heading) => heading.getAttribute('aria-level'));
    expect(levels(), 'the title, then the resume form').to.deep.equal(['3', '4']);
    await typeInto(el, '#resume-code', 'nonsense!');
    button(el, TEXT.en.resume).click();
    await waitUntil(() => $(el, '.error-summary'), 'the error summary');
    expect($(el, '#error-summary-title')?.getAttribute('aria-level')).to.equal('4');
    await startNow(el, 'en');
    await check(el, '#answer-0');
    button(el, TEXT.en.save).click();
    await waitUntil(() => $(el, '.panel'), 'the saved panel', { timeout: 10_000 });
    expect($(el, '.panel [role="heading"]')?.getAttribute('aria-level')).to.equal('3');
    await expectAccessible(el);
  });

  it('carries on with answers kept on the device in the old format, and keeps them with the time they were saved from then on', async () => {
    const q = await definition('what-matters', 'en');
    const answers = { 'answering-for': 'myself', 'good-day': 'Gardening' };
    localStorage.setItem(KEY, JSON.stringify({ version: q.version, answers, at: 'people' }));
    const el = await make('en');
    expect(currentQuestion(el, q)?.id).to.equal('people');
    expect(text(el)).to.contain(TEXT.en.restored);
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { savedAt?: unknown; data?: unknown };
    expect(kept.data).to.deep.equal({ version: q.version, answers, at: 'people' });
    expect(kept.savedAt).to.be.a('number');
  });

  it('forgets answers kept on the device for longer than a saved draft lasts', async () => {
    const q = await definition('what-matters', 'en');
    const data = { version: q.version, answers: { 'answering-for': 'myself' }, at: 'good-day' };
    localStorage.setItem(KEY, JSON.stringify({ savedAt: Date.now() - 31 * DAY, data }));
    const el = await make('en');
    expect(page(el)).to.equal('start-heading');
    expect(buttonsNamed(el, TEXT.en.continueSaved)).to.have.length(0);
    expect(selfAssessmentKeys()).to.deep.equal([]);
    el.remove();

    localStorage.setItem(KEY, JSON.stringify({ savedAt: Date.now() - 29 * DAY, data }));
    const recent = await make('en');
    expect(currentQuestion(recent, q)?.id, 'a month-old record still carries on').to.equal('good-day');
  });

  it('says a code with look-alike characters, which the server never issues, is not found, without asking it', async () => {
    const el = await make('en');
    const original = window.fetch;
    const asked: string[] = [];
    window.fetch = (request: RequestInfo | URL, init?: RequestInit) => {
      asked.push(typeof request === 'string' ? request : request instanceof URL ? request.href : request.url);
      return original.call(window, request, init);
    };
    try {
      await typeInto(el, '#resume-code', 'nonsense!');
      button(el, TEXT.en.resume).click();
      await waitUntil(() => $(el, '.error-summary'), 'the error for a malformed code');
      const malformed = squash($(el, '.error-summary')?.textContent);
      // B and 8, 0 and O, 1 and I, S and 5 are never in a code.
      await typeInto(el, '#resume-code', 'BOIS-8015');
      button(el, TEXT.en.resume).click();
      await el.updateComplete;
      expect(squash($(el, '.error-summary')?.textContent)).to.not.equal(malformed);
      expect(squash($(el, '.error-summary')?.textContent)).to.contain('We could not find answers for that code');
      expect(asked.filter((url) => url.includes('/drafts/')), 'no look-up').to.deep.equal([]);
    } finally {
      window.fetch = original;
    }
  });

  it('shows the questionnaire asked for last when the host changes it while the first is loading', async () => {
    const el = await fixture<El>(html`<cls-self-assessment lang="en" api-base="/api/v1" questionnaire="what-matters"></cls-self-assessment>`);
    el.setAttribute('questionnaire', 'looking-after-someone');
    const carers = await definition('looking-after-someone', 'en');
    await waitUntil(() => $(el, '#start-heading'), 'the start page', { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(squash($(el, '#start-heading')?.textContent)).to.equal(carers.title);
  });
});

// ------------------------------------------------------------------ issue 13

describe('<cls-self-assessment>: issue 13 defects', () => {
  const config = (json: object) => {
    document.getElementById('cls-config')?.remove();
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = 'cls-config';
    script.textContent = JSON.stringify(json);
    document.head.append(script);
  };
  afterEach(() => document.getElementById('cls-config')?.remove());

  for (const lang of ['en', 'cy'] as const) {
    const t = TEXT[lang];

    it(`sets aside answers kept for other questions with a message, never a blank element (${lang})`, async () => {
      // What a page that switched questionnaire mid-load wrote: "what matters" answers under the carers' key.
      localStorage.setItem(
        'cls-self-assessment:looking-after-someone',
        JSON.stringify({ savedAt: Date.now(), data: { version: 1, answers: { 'answering-for': 'myself', 'good-day': 'Tea' }, at: 'good-day' } }),
      );
      const el = await make(lang, { questionnaire: 'looking-after-someone' });
      expect(page(el)).to.equal('start-heading');
      expect(squash($(el, '#notice-title')?.textContent)).to.equal(lang === 'en' ? 'The answers kept on this device were for other questions, so we could not carry on with them. We have put them aside. You can start again below.' : 'Roedd yr atebion a gadwyd ar y ddyfais hon ar gyfer cwestiynau eraill, felly doedd dim modd i ni barhau â nhw. Rydym wedi’u rhoi o’r neilltu. Gallwch ddechrau eto isod.');
      expect(localStorage.getItem('cls-self-assessment:looking-after-someone'), 'not read back as answers').to.equal(null);
      expect(localStorage.getItem('cls-self-assessment:looking-after-someone:set-aside'), 'kept aside').to.contain('Tea');
      await expectAccessible(el);
      // An unknown page is set aside too.
      el.remove();
      localStorage.setItem('cls-self-assessment:what-matters', JSON.stringify({ savedAt: Date.now(), data: { version: 1, answers: { 'good-day': 'Tea' }, at: 'no-such-page' } }));
      const again = await make(lang);
      expect(page(again)).to.equal('start-heading');
      expect($(again, '#notice-title')).to.exist;
    });

    it(`reveals each "tell us more" box under its own option, labelled with it, "(optional)" once (${lang})`, async () => {
      const q = await definition('what-matters', lang);
      const harder = questionById(q, 'harder');
      if (harder.type !== 'multiple') throw new Error('harder is multiple');
      const el = await make(lang);
      await startNow(el, lang);
      await walk(el, lang, q, { 'answering-for': 'myself', 'good-day': 'Gardening' }, { stopAt: 'harder' });
      const eating = optionIndex(harder, 'eating-drinking');
      const money = optionIndex(harder, 'money');
      expect(input(el, `#answer-${eating}`)?.getAttribute('aria-controls')).to.equal(`answer-${eating}-conditional`);
      await check(el, `#answer-${eating}`);
      await check(el, `#answer-${money}`);
      for (const [index, value] of [[eating, 'eating-drinking'], [money, 'money']] as const) {
        const option = harder.options[index];
        const choice = input(el, `#answer-${index}`)?.closest('.choice');
        const reveal = choice?.nextElementSibling;
        expect(reveal?.id, `the box of ${value} comes right after its checkbox`).to.equal(`answer-${index}-conditional`);
        expect(reveal?.querySelector(`textarea#follow-${value}`), `its own box`).to.exist;
        const label = squash($(el, `label[for="follow-${value}"]`)?.textContent);
        expect(label).to.contain(option?.label ?? '?');
        expect(label.split(t.optional).length - 1, `"${label}" says ${t.optional} once`).to.equal(1);
      }
      const none = input(el, `#answer-${optionIndex(harder, 'eating-drinking') + 1}`)?.closest('.choice')?.nextElementSibling;
      expect(none?.classList.contains('conditional') && !(none as HTMLElement).hidden, 'no box under an option not chosen').to.not.equal(true);
      await expectAccessible(el);
    });

    it(`leads the result with the person's own words, then strengths and people, then what is hard (${lang})`, async () => {
      const answers: Answers = { ...whatMatters(faultName()), people: 'My sister Ann', 'what-would-help': 'Getting to the shops on my own' };
      const { el, q } = await toResult(lang, answers);
      const headings = [...root(el).querySelectorAll('[role="heading"]')].map((node) => squash(node.textContent));
      const words = lang === 'en' ? 'In your words' : 'Yn eich geiriau chi';
      const strengths = lang === 'en' ? 'Your strengths and the people around you' : 'Eich cryfderau a’r bobl o’ch cwmpas';
      const hard = lang === 'en' ? 'What is hard at the moment' : 'Beth sy’n anodd ar hyn o bryd';
      expect(headings.indexOf(words)).to.be.greaterThan(-1);
      expect(headings.indexOf(words)).to.be.lessThan(headings.indexOf(strengths));
      expect(headings.indexOf(strengths)).to.be.lessThan(headings.indexOf(hard));
      const own = squash($(el, '.own-words')?.textContent);
      expect(own).to.contain(questionById(q, 'what-would-help').title);
      expect(own).to.contain('Getting to the shops on my own');
      expect(own).to.contain(String(answers['good-day']));
      expect(squash($(el, '.strengths')?.textContent)).to.contain('My sister Ann');
      await expectAccessible(el);
    });

    it(`needs a phone number when the person asked for a phone call, and sends no "-" name (${lang})`, async () => {
      const marker = faultName();
      const { el } = await toSend(lang, whatMatters(marker, 'phone'));
      expect(squash($(el, 'label[for="contact-value"]')?.textContent), 'the phone number is not optional').to.not.contain(t.optional);
      await check(el, '#consent-0');
      button(el, t.send).click();
      await waitUntil(() => $(el, '.error-summary'), 'the phone number error');
      const summary = squash($(el, '.error-summary')?.textContent);
      expect(summary).to.contain(lang === 'en' ? 'Enter a phone number' : 'Rhowch rif ffôn');
      expect($(el, '.error-summary a')?.getAttribute('href')).to.equal('#contact-value');
      await expectAccessible(el);
      await typeInto(el, '#contact-value', 'not a number');
      button(el, t.send).click();
      await el.updateComplete;
      expect(squash($(el, '.error-summary')?.textContent)).to.contain(lang === 'en' ? 'like 01632 960 001' : 'fel 01632 960 001');
      expect(await submissionsWith(marker), 'nothing sent').to.have.length(0);
      await typeInto(el, '#contact-value', '01632 960 001');
      button(el, t.send).click();
      await waitUntil(() => REFERENCE.test($(el, '.panel')?.textContent ?? ''), 'sent', { timeout: 10_000 });
      const [stored] = await submissionsWith(marker);
      expect(stored?.contact).to.deep.equal({ method: 'phone', value: '01632 960 001' });
    });

    it(`keeps the urgent panel on the confirmation, says when messages are read, and stores the submission as urgent (${lang})`, async () => {
      config({ apiBase: '/api/v1', outOfHoursPhone: '01632 960 999', inboxHours: { en: 'Monday to Friday, 9am to 5pm', cy: 'dydd Llun i ddydd Gwener, 9am tan 5pm' }, replyWorkingDays: 5 });
      const marker = faultName();
      const { el } = await toSend(lang, { ...whatMatters(marker, 'none'), safe: 'no-food-heating' });
      await check(el, '#consent-0');
      button(el, t.send).click();
      await waitUntil(() => REFERENCE.test($(el, '.panel')?.textContent ?? ''), 'sent', { timeout: 10_000 });
      expect($(el, '.urgent'), 'the urgent panel stays').to.exist;
      expect(squash($(el, '.urgent')?.textContent)).to.contain('999');
      const hours = squash($(el, '.inbox-hours')?.textContent);
      expect(hours).to.contain(lang === 'en' ? 'Monday to Friday, 9am to 5pm' : 'dydd Llun i ddydd Gwener, 9am tan 5pm');
      expect(hours).to.contain(lang === 'en' ? 'do not wait for a reply' : 'peidiwch ag aros am ateb');
      await expectAccessible(el);
      const [stored] = await submissionsWith(marker);
      expect(stored?.urgent).to.equal(true);
      expect(stored?.urgentReasons).to.deep.equal([{ question: 'safe', option: 'no-food-heating' }]);
      expect(stored?.nextStep).to.equal('urgent');
    });

    it(`keeps the result after sending, across Back and a reload, until the person starts again (${lang})`, async () => {
      const marker = faultName();
      const answers = whatMatters(marker, 'none');
      const { el } = await toSend(lang, answers, { history: true });
      await check(el, '#consent-0');
      button(el, t.send).click();
      await waitUntil(() => REFERENCE.test($(el, '.panel')?.textContent ?? ''), 'sent', { timeout: 10_000 });
      const reference = ($(el, '.panel')?.textContent ?? '').match(REFERENCE)?.[0];
      expect(text(el), 'the result is on the confirmation').to.contain(String(answers['good-day']));
      const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
      history.back();
      await popped;
      await el.updateComplete;
      expect(text(el), 'Back keeps the confirmation and the result').to.contain(String(answers['good-day']));
      expect(text(el)).to.contain(reference ?? '?');
      el.remove();

      const reloaded = await fixture<El>(html`<cls-self-assessment lang=${lang} api-base="/api/v1" questionnaire="what-matters"></cls-self-assessment>`);
      await waitUntil(() => $(reloaded, '.panel'), 'the confirmation after a reload', { timeout: 10_000 });
      expect(text(reloaded)).to.contain(reference ?? '?');
      expect(text(reloaded)).to.contain(String(answers['good-day']));
      expect(focused(reloaded), 'a reload does not pull focus').to.equal(null);
      await expectAccessible(reloaded);
      button(reloaded, lang === 'en' ? 'Start again' : 'Dechrau eto').click();
      await waitUntil(() => $(reloaded, '#start-heading'), 'the start page');
      expect(selfAssessmentKeys()).to.deep.equal([]);
      expect(await submissionsWith(marker), 'sent once').to.have.length(1);
    });
  }
});

// ------------------------------------------------------------------ issue 13: the pages

describe('<cls-self-assessment>: issue 13 pages', () => {
  const config = (json: object) => {
    document.getElementById('cls-config')?.remove();
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = 'cls-config';
    script.textContent = JSON.stringify(json);
    document.head.append(script);
  };
  afterEach(() => document.getElementById('cls-config')?.remove());
  let hostTitle = '';
  beforeEach(() => {
    hostTitle = document.title;
    document.title = 'Anytown Council';
  });
  afterEach(() => void (document.title = hostTitle));

  for (const lang of ['en', 'cy'] as const) {
    const t = TEXT[lang];
    const errorPrefix = lang === 'en' ? 'Error:' : 'Gwall:';

    it(`names the question in the document title, with "${errorPrefix}" while it shows an error, and gives the host's title back on leaving (${lang})`, async () => {
      const q = await definition('what-matters', lang);
      const el = await make(lang);
      expect(document.title, 'the start page leaves the host title').to.equal('Anytown Council');
      await startNow(el, lang);
      const first = currentQuestion(el, q) as LocalisedQuestion;
      expect(document.title).to.equal(`${first.title} – Anytown Council`);
      button(el, t.continue).click();
      await waitUntil(() => $(el, '.error-summary'), 'the error summary');
      await el.updateComplete;
      expect(document.title).to.equal(`${errorPrefix} ${first.title} – Anytown Council`);
      await expectAccessible(el);
      await fillAnswer(el, first, 'myself');
      await pressContinue(el, lang);
      const second = currentQuestion(el, q) as LocalisedQuestion;
      expect(document.title, 'the next question, no error').to.equal(`${second.title} – Anytown Council`);
      button(el, t.back).click();
      await el.updateComplete;
      button(el, t.back).click();
      await waitUntil(() => $(el, '#start-heading'), 'the start page');
      await el.updateComplete;
      expect(document.title, 'back at the start').to.equal('Anytown Council');
      await startNow(el, lang);
      expect(document.title).to.contain(first.title);
      el.remove();
      expect(document.title, 'the element gone').to.equal('Anytown Council');
    });

    it(`puts each question in a heading of the page's level inside its legend or label (${lang})`, async () => {
      const q = await definition('what-matters', lang);
      const el = await make(lang);
      const level = $(el, '#start-heading')?.getAttribute('aria-level');
      await startNow(el, lang);
      const kinds = new Set<string>();
      await walk(el, lang, q, whatMatters(faultName()), {
        onPage: async (question) => {
          if (question.type === 'info') return;
          const label = $(el, '#question-heading') as HTMLElement;
          const heading = label.querySelector('[role="heading"]') ?? label.closest('[role="heading"]');
          expect(heading, `${question.id}: a heading in or around the ${label.localName}`).to.exist;
          expect(heading?.getAttribute('aria-level'), `${question.id}: at the page's level`).to.equal(level);
          expect(squash(heading?.textContent), question.id).to.contain(question.title);
          kinds.add(label.localName);
        },
      });
      expect([...kinds].sort(), 'legends and labels both seen').to.deep.equal(['label', 'legend']);
    });

    it(`reads a scale back as "out of 5", lists unanswered optional questions with "Add", and saves from the check page (${lang})`, async () => {
      const answers = whatMatters(faultName());
      const { el, q } = await toCheckAnswers(lang, answers);
      expect(squash($(el, 'dl.check [data-question="feeling"] dd')?.textContent)).to.equal(lang === 'en' ? '4 out of 5' : '4 allan o 5');
      const add = lang === 'en' ? 'Add' : 'Ychwanegu';
      const unanswered = visibleQuestions(q, answers).filter((question) => question.optional && question.type !== 'info' && answers[question.id] === undefined);
      expect(unanswered.length, 'the walk leaves optional questions out').to.be.greaterThan(0);
      for (const question of unanswered) {
        const row = $(el, `dl.check [data-question="${question.id}"]`);
        expect(row, `a row for the unanswered ${question.id}`).to.exist;
        const control = row?.querySelector('button') as HTMLElement;
        expect(squash(control.textContent)).to.equal(add);
        expect(accessibleName(control)).to.contain(question.title);
      }
      await expectAccessible(el);
      // "Add" goes to the question, and an answer comes back to the check page.
      const people = unanswered[0] as LocalisedQuestion;
      ($(el, `dl.check [data-question="${people.id}"] button`) as HTMLElement).click();
      await waitUntil(() => currentQuestion(el, q)?.id === people.id, 'the optional question');
      await fillAnswer(el, people, 'My neighbour Sam');
      await pressContinue(el, lang);
      expect(page(el)).to.equal('check-heading');
      expect(squash($(el, `dl.check [data-question="${people.id}"]`)?.textContent)).to.contain('My neighbour Sam');
      expect(squash($(el, `dl.check [data-question="${people.id}"] button`)?.textContent)).to.equal(t.change);

      button(el, t.save).click();
      await waitUntil(() => $(el, '.resume-code'), 'the saved page', { timeout: 10_000 });
      const shown = squash($(el, '.resume-code')?.textContent);
      expect(shown, 'two groups of four').to.match(/^[ACDEFGHJKMNPQRTUVWXY34679]{4} [ACDEFGHJKMNPQRTUVWXY34679]{4}$/);
      expect(squash($(el, '[role="status"]')?.textContent), 'announced the same way').to.contain(shown);
      el.remove();

      // Typed back any way at all, on another device: lower case, no space.
      localStorage.clear();
      const again = await make(lang);
      await typeInto(again, '#resume-code', shown.replace(' ', '').toLowerCase());
      button(again, t.resume).click();
      await waitUntil(() => page(again) === 'check-heading', 'the saved check page', { timeout: 10_000 });
    });

    it(`says it cannot find answers for a code in the right format that was never issued, like ABCDEFGH (${lang})`, async () => {
      const el = await make(lang);
      await typeInto(el, '#resume-code', 'ABCDEFGH');
      button(el, t.resume).click();
      await waitUntil(() => $(el, '.error-summary'), 'the error summary');
      expect(squash($(el, '.error-summary')?.textContent), 'not found, not a format error').to.contain(lang === 'en' ? 'We could not find answers for that code' : 'Doedd dim modd i ni ddod o hyd i atebion');
      expect(squash($(el, '#resume-code-hint')?.textContent), 'the hint shows the code as the saved page does').to.contain('KM4T 9QXA');
      await expectAccessible(el);
    });

    it(`prints the result and the sent page dated, with the reference, the council's contact details and each option's details, and no controls (${lang})`, async function () {
      this.timeout(60_000);
      config({ contactPhone: '01632 960 000', contactEmail: 'community@council.example', contactUrl: 'https://council.example/community' });
      const marker = faultName();
      const { el } = await toResult(lang, { ...whatMatters(marker, 'none'), 'what-would-help': 'Meet new people, maybe a lunch club or a walking group' });
      await waitUntil(() => $(el, '.community') && $(el, '.community')?.getAttribute('aria-busy') === 'false', 'community options', { timeout: 15_000 });
      await expectAccessible(el);
      const council = ['01632 960 000', 'community@council.example', 'https://council.example/community'];
      for (const detail of council) expect(text(el), 'the council on screen too').to.contain(detail);
      const email = $<HTMLAnchorElement>(el, '.email a[href^="mailto:"]');
      expect(decodeURIComponent(email?.href ?? ''), 'not saved: no resume link in the email').to.not.contain('cls-resume');

      const printed = async (what: string) => {
        await emulateMedia({ media: 'print' });
        try {
          await el.updateComplete;
          const controls = [...root(el).querySelectorAll('button, input, textarea, select, .button')];
          expect(controls.length, `${what}: controls on screen`).to.be.greaterThan(0);
          expect(controls.filter(isVisible).map(describeNode), `${what}: no control printed`).to.deep.equal([]);
          const shown = squash([...root(el).querySelectorAll('*')].filter((node) => isVisible(node) && !node.children.length).map((node) => node.textContent).join(' '));
          expect(shown, `${what}: dated`).to.contain(lang === 'en' ? 'Printed on' : 'Argraffwyd ar');
          for (const detail of council) expect(shown, `${what}: the council's ${detail}`).to.contain(detail);
          const options = [...root(el).querySelectorAll<HTMLElement>('.options li')];
          expect(options.length, `${what}: community options`).to.be.greaterThan(0);
          for (const option of options) {
            const link = option.querySelector<HTMLAnchorElement>('a.option-name');
            if (link) expect(isVisible(option.querySelector('.option-url')) && squash(option.querySelector('.option-url')?.textContent), `${what}: the web address written out`).to.contain(link.getAttribute('href'));
          }
          expect(options.some((option) => isVisible(option.querySelector('.option-place'))), `${what}: a place`).to.equal(true);
          expect(options.some((option) => isVisible(option.querySelector('.option-session'))), `${what}: a next session`).to.equal(true);
          return shown;
        } finally {
          await emulateMedia({ media: 'screen' });
        }
      };
      await printed('the result');

      button(el, t.sendToCouncil).click();
      await waitUntil(() => $(el, '#send-heading'), 'the send page');
      await check(el, '#consent-0');
      button(el, t.send).click();
      await waitUntil(() => REFERENCE.test($(el, '.panel')?.textContent ?? ''), 'sent', { timeout: 10_000 });
      await waitUntil(() => $(el, '.community')?.getAttribute('aria-busy') === 'false', 'community options on the sent page', { timeout: 15_000 });
      await expectAccessible(el);
      const reference = ($(el, '.panel')?.textContent ?? '').match(REFERENCE)?.[0] ?? '?';
      expect(await printed('the sent page'), 'the reference printed').to.contain(reference);
    });

    it(`puts the link back to saved answers in "Email me a copy", and offers to email it from the saved page (${lang})`, async () => {
      const q = await definition('what-matters', lang);
      const answers = whatMatters(faultName());
      const el = await make(lang);
      await startNow(el, lang);
      await walk(el, lang, q, answers, { stopAt: 'harder' });
      button(el, t.save).click();
      await waitUntil(() => $(el, '#resume-link'), 'the saved page', { timeout: 10_000 });
      const link = input(el, '#resume-link')?.value ?? '';
      expect(link).to.contain('cls-resume=');
      const fromSaved = [...root(el).querySelectorAll<HTMLAnchorElement>('a[href^="mailto:"]')];
      expect(fromSaved.map((anchor) => squash(anchor.textContent))).to.deep.equal([lang === 'en' ? 'Email me this link' : 'Anfon y ddolen hon ataf mewn e-bost']);
      const savedBody = new URL(fromSaved[0]?.href ?? 'mailto:').searchParams.get('body') ?? '';
      expect(savedBody).to.contain(link);
      expect(savedBody, 'no answers in it').to.not.contain(String(answers['good-day']));
      await expectAccessible(el);

      button(el, t.carryOn).click();
      await waitUntil(() => currentQuestion(el, q)?.id === 'harder', 'back at the question');
      await walk(el, lang, q, answers);
      await pressContinue(el, lang);
      const email = $<HTMLAnchorElement>(el, '.email a[href^="mailto:"]');
      const body = new URL(email?.href ?? 'mailto:').searchParams.get('body') ?? '';
      expect(body, 'the resume link, to carry on on another device').to.contain(link);
      expect(body).to.contain(lang === 'en' ? 'on any device' : 'ar unrhyw ddyfais');
      expect(squash($(el, '.email')?.textContent)).to.contain(lang === 'en' ? 'carry on on another device' : 'ddyfais arall');
      await expectAccessible(el);
    });

    for (const id of ['what-matters', 'looking-after-someone'] as const) {
      it(`says how long "${id}" takes once on the start page (${lang})`, async () => {
        const q = await definition(id, lang);
        const el = await make(lang, { questionnaire: id });
        const said = lang === 'en' ? `It takes about ${q.minutes} minutes` : `${q.minutes} munud`;
        expect(text(el).split(said).length - 1).to.equal(1);
      });
    }
  }
});
