import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/self-assessment/define.ts';
import { DraftSaved, QuestionnaireResponse, type Answers } from '../../src/contract/questionnaire.ts';
import { expectAccessible } from './support.ts';

/*
 * <cls-self-assessment> in the person's voice and with urgent help by risk
 * (issue 13), over the real API and questionnaires: a saved draft opens the
 * page to look at, in English and Welsh.
 */

type Lang = 'en' | 'cy';
type El = HTMLElement & { updateComplete: Promise<boolean> };
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const root = (el: El) => el.shadowRoot as ShadowRoot;

async function draft(questionnaireId: string, answers: Answers, at: string, lang: Lang): Promise<string> {
  const { questionnaire } = QuestionnaireResponse.parse(await (await fetch(`/api/v1/questionnaires/${questionnaireId}?lang=${lang}`)).json());
  const response = await fetch('/api/v1/drafts', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ questionnaireId, version: questionnaire.version, answers, at, lang }),
  });
  return DraftSaved.parse(await response.json()).code;
}

async function open(questionnaire: string, lang: Lang, answers: Answers, at: string): Promise<El> {
  const code = await draft(questionnaire, answers, at, lang);
  const el = await fixture<El>(html`<cls-self-assessment lang=${lang} api-base="/api/v1" questionnaire=${questionnaire} resume=${code}></cls-self-assessment>`);
  await waitUntil(() => root(el).querySelector('#question-heading, #check-heading'), 'the page', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

const CONFIG = {
  outOfHoursPhone: '01632 960 999',
  councilPhone: '01632 960 100',
  councilHours: { en: 'Monday to Friday, 9am to 5pm', cy: 'dydd Llun i ddydd Gwener, 9am tan 5pm' },
  adultSocialCarePhone: '01632 960 200',
  safeguardingPhone: '01632 960 300',
};

const SAID = {
  en: {
    goodDay: 'What does a good day look like for them?',
    safe: 'Are they safe at the moment?',
    noFood: 'They do not have food or heating',
    foodTitle: 'Help with food and heating today',
    dangerTitle: 'Get help now',
    caringTitle: 'If you cannot keep caring safely',
    required: 'Enter what a good day looks like for them',
    carersLink: 'Fill in the questionnaire for carers',
    continue: 'Continue',
    words: 'In their words',
    strengths: 'Their strengths and the people around them',
    answerTitle: 'What would they like to be different?',
  },
  cy: {
    goodDay: 'Sut beth yw diwrnod da iddyn nhw?',
    safe: 'Ydyn nhw’n ddiogel ar hyn o bryd?',
    noFood: 'Nid oes ganddyn nhw fwyd na gwres',
    foodTitle: 'Help gyda bwyd a gwres heddiw',
    dangerTitle: 'Cael help nawr',
    caringTitle: 'Os na allwch chi ddal ati i ofalu’n ddiogel',
    required: 'Rhowch sut beth yw diwrnod da iddyn nhw',
    carersLink: 'Llenwi’r holiadur i ofalwyr',
    continue: 'Parhau',
    words: 'Yn eu geiriau nhw',
    strengths: 'Eu cryfderau a’r bobl o’u cwmpas',
    answerTitle: 'Beth hoffen nhw ei weld yn wahanol?',
  },
};

describe('cls-self-assessment: answering for someone else, and urgent help by risk', () => {
  beforeEach(() => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = 'cls-config';
    script.textContent = JSON.stringify(CONFIG);
    document.head.append(script);
  });
  afterEach(() => document.getElementById('cls-config')?.remove());

  for (const lang of ['en', 'cy'] as const) {
    const said = SAID[lang];

    it(`${lang}: asks about a good day in the third person, with its own error message`, async () => {
      const el = await open('what-matters', lang, { 'answering-for': 'someone-else', relationship: 'family' }, 'good-day');
      expect(squash(root(el).querySelector('#question-heading')?.textContent)).to.contain(said.goodDay);
      await expectAccessible(el);
      const form = root(el).querySelector('form');
      form?.requestSubmit();
      await waitUntil(() => root(el).querySelector('.error-summary'), 'the error summary');
      await el.updateComplete;
      expect(squash(root(el).querySelector('.error-summary')?.textContent)).to.contain(said.required);
      await expectAccessible(el);
    });

    it(`${lang}: no food or heating shows food and heating help with the council's in-hours number and its hours, in the third person`, async () => {
      const el = await open('what-matters', lang, { 'answering-for': 'someone-else', relationship: 'family', 'good-day': 'Tea', harder: ['none'], children: 'no', 'looks-after': 'no', feeling: 3, safe: 'no-food-heating' }, 'safe');
      const page = squash(root(el).textContent);
      expect(page).to.contain(said.safe);
      expect(page).to.contain(said.noFood);
      const panel = root(el).querySelector('.urgent');
      expect(squash(panel?.textContent)).to.contain(said.foodTitle);
      expect(panel?.querySelector('a[href="tel:01632960100"]'), 'the council in hours').to.exist;
      expect(squash(panel?.textContent)).to.contain(CONFIG.councilHours[lang]);
      expect(squash(panel?.textContent)).not.to.contain(said.dangerTitle);
      await expectAccessible(el);
    });

    it(`${lang}: danger to life puts 999 and Samaritans first`, async () => {
      const el = await open('what-matters', lang, { 'answering-for': 'myself', 'good-day': 'Tea', harder: ['none'], children: 'no', 'looks-after': 'no', feeling: 3, safe: 'might-hurt-self' }, 'safe');
      const links = [...(root(el).querySelector('.urgent')?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
      expect(links.slice(0, 2)).to.deep.equal(['tel:999', 'tel:116123']);
      await expectAccessible(el);
    });

    it(`${lang}: a carer who cannot keep caring safely is given adult social care and safeguarding`, async () => {
      const el = await open('looking-after-someone', lang, { 'cared-for': 'parent', age: '18-or-over', 'keep-going': 'Choir', harder: ['none'], health: 'no', willing: 'no', plan: 'no', feeling: 2, safe: 'cannot-keep-caring' }, 'safe');
      const panel = root(el).querySelector('.urgent');
      expect(squash(panel?.textContent)).to.contain(said.caringTitle);
      const links = [...(panel?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
      expect(links.slice(0, 2)).to.deep.equal(['tel:01632960200', 'tel:01632960300']);
      await expectAccessible(el);
    });

    it(`${lang}: the result of answering for someone else reads "In their words" and "Their strengths"`, async () => {
      const answers: Answers = {
        'answering-for': 'someone-else',
        relationship: 'family',
        'good-day': 'Tea with his sister',
        'good-at': 'Fixing bikes',
        'what-would-help': 'Getting to the shops',
        harder: ['none'],
        children: 'no',
        'looks-after': 'no',
        feeling: 3,
        safe: 'safe',
        contact: 'none',
      };
      const el = await open('what-matters', lang, answers, 'check-answers');
      const next = [...root(el).querySelectorAll('button')].find((b) => squash(b.textContent) === said.continue);
      next?.click();
      await waitUntil(() => root(el).querySelector('#result-heading'), 'the result');
      await el.updateComplete;
      const headings = [...root(el).querySelectorAll('[role="heading"]')].map((h) => squash(h.textContent));
      expect(headings).to.include(said.words);
      expect(headings).to.include(said.strengths);
      expect(squash(root(el).querySelector('.own-words')?.textContent)).to.contain(said.answerTitle);
      await expectAccessible(el);
    });

    it(`${lang}: "Do you look after someone?" yes links to the carers' questionnaire`, async () => {
      const el = await open('what-matters', lang, { 'answering-for': 'myself', 'good-day': 'Tea', harder: ['none'], children: 'no', 'looks-after': 'yes' }, 'carers-link');
      const link = [...root(el).querySelectorAll<HTMLAnchorElement>('a.questionnaire-link')];
      expect(link.map((a) => squash(a.textContent))).to.deep.equal([said.carersLink]);
      expect(link[0]?.getAttribute('href')).to.equal('?q=looking-after-someone');
      await expectAccessible(el);
    });
  }
});
