import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PageConfig } from '../../src/contract/config.ts';
import { QuestionnaireDefinition, type Answers } from '../../src/contract/questionnaire.ts';
import { communityNeeds, suggestCommunityOptions, termNamesOf } from '../../src/core/community-options.ts';
import { localiseQuestionnaire } from '../../src/core/localise.ts';
import { isThirdPerson, outcome, questionErrorMessage, questionnaireHref, urgentPanels, voiced } from '../../src/core/questionnaire.ts';
import { consentVersion } from '../../src/core/questionnaire-submission.ts';
import { ServiceIndex } from '../../src/core/search.ts';
import { seed } from '../../server/seed/index.ts';

/*
 * Issue 13's engine rules: one rule chooses the third-person wording, the
 * urgent-help panels by risk, a question's own error messages, and the
 * link from one questionnaire to another.
 */

const definition = QuestionnaireDefinition.parse({
  id: 'voice',
  version: 1,
  title: { en: 'Voice', cy: 'Llais' },
  intro: [{ en: 'Intro', cy: 'Cyflwyniad' }],
  minutes: 5,
  consent: { en: 'You agree', cy: 'Rydych chi’n cytuno' },
  thirdPerson: { question: 'for', equals: 'other' },
  other: { consent: { en: 'They agree', cy: 'Maen nhw’n cytuno' } },
  questions: [
    { id: 'for', type: 'single', title: { en: 'Who for?', cy: 'Dros bwy?' }, errors: { required: { en: 'Select who', cy: 'Dewiswch bwy' } }, options: [{ value: 'me', label: { en: 'Me', cy: 'Fi' } }, { value: 'other', label: { en: 'Someone else', cy: 'Rhywun arall' } }] },
    {
      id: 'day',
      type: 'long-text',
      maxLength: 10,
      title: { en: 'Your day?', cy: 'Eich diwrnod?' },
      errors: { required: { en: 'Enter your day', cy: 'Rhowch eich diwrnod' }, 'too-long': { en: 'Keep it to {{max}}', cy: 'Dim mwy na {{max}}' } },
      other: { title: { en: 'Their day?', cy: 'Eu diwrnod?' }, errors: { required: { en: 'Enter their day', cy: 'Rhowch eu diwrnod' } } },
    },
    {
      id: 'safe',
      type: 'single',
      title: { en: 'Safe?', cy: 'Diogel?' },
      options: [
        { value: 'yes', label: { en: 'Yes', cy: 'Ydw' } },
        { value: 'food', label: { en: 'I have no food', cy: 'Does gen i ddim bwyd' }, urgent: true, help: 'food', other: { label: { en: 'They have no food', cy: 'Does ganddyn nhw ddim bwyd' } } },
        { value: 'hurt', label: { en: 'I might hurt myself', cy: 'Efallai y byddaf yn brifo fy hun' }, urgent: true, help: 'danger' },
        { value: 'plain', label: { en: 'Something else urgent', cy: 'Rhywbeth brys arall' }, urgent: true },
      ],
    },
    { id: 'more', type: 'info', title: { en: 'More', cy: 'Mwy' }, body: [{ en: 'Go', cy: 'Ewch' }], link: { questionnaire: 'carers', label: { en: 'Carers', cy: 'Gofalwyr' } } },
  ],
  urgentHelp: [
    { id: 'food', title: { en: 'Food', cy: 'Bwyd' }, body: [{ en: 'Food for you', cy: 'Bwyd i chi' }], contacts: ['council', 'emergency'], searchTerms: ['Foodbank'], label: { en: 'Having food', cy: 'Cael bwyd' }, other: { body: [{ en: 'Food for them', cy: 'Bwyd iddyn nhw' }] } },
    { id: 'danger', title: { en: 'Danger', cy: 'Perygl' }, body: [{ en: 'Call', cy: 'Ffoniwch' }], contacts: ['emergency', 'samaritans'] },
  ],
  outcomes: {
    areas: [{ area: 'recreation', label: { en: 'Your time', cy: 'Eich amser' }, when: { question: 'day', answered: true }, searchTerms: ['Walking group'], other: { label: { en: 'Their time', cy: 'Eu hamser' } } }],
    words: ['day'],
    nextSteps: [{ step: 'self-serve', title: { en: 'For you', cy: 'I chi' }, body: { en: 'Enjoy', cy: 'Mwynhewch' }, other: { title: { en: 'For them', cy: 'Iddyn nhw' } } }],
  },
});
const en = localiseQuestionnaire(definition, 'en').questionnaire;
const cy = localiseQuestionnaire(definition, 'cy').questionnaire;
const them: Answers = { for: 'other', day: 'Tea' };
const me: Answers = { for: 'me', day: 'Tea' };
const question = (q: typeof en, id: string) => q.questions.find((candidate) => candidate.id === id);
/** A question that must be there. */
function must(q: typeof en, id: string) {
  const found = question(q, id);
  assert.ok(found, id);
  return found;
}

describe('voiced: the third person when answering for someone else', () => {
  it('uses every `other` wording, in the language asked, once someone else is chosen', () => {
    assert.equal(isThirdPerson(en, them), true);
    assert.equal(question(voiced(en, them), 'day')?.title, 'Their day?');
    assert.equal(question(voiced(cy, them), 'day')?.title, 'Eu diwrnod?');
    const safe = question(voiced(cy, them), 'safe');
    assert.ok(safe?.type === 'single');
    assert.equal(safe.options[1]?.label, 'Does ganddyn nhw ddim bwyd');
    assert.equal(voiced(en, them).consent, 'They agree');
    assert.equal(voiced(cy, them).consent, 'Maen nhw’n cytuno');
  });

  it('leaves the questionnaire as it is for oneself, unanswered, or without `thirdPerson`', () => {
    assert.equal(voiced(en, me), en);
    assert.equal(voiced(en, {}), en);
    const { thirdPerson: _unused, ...plain } = en;
    assert.equal(voiced(plain, them), plain);
  });

  it('reads the result in the third person: titles, area labels, next step, and says so', () => {
    const result = outcome(en, them);
    assert.equal(result.thirdPerson, true);
    assert.deepEqual(result.words.map((w) => w.title), ['Their day?']);
    assert.deepEqual(result.areas.map((a) => a.label), ['Their time']);
    assert.equal(result.nextStep.title, 'For them');
    assert.equal(outcome(cy, them).areas[0]?.label, 'Eu hamser');
    assert.equal(outcome(en, me).thirdPerson, false);
    assert.equal(outcome(en, me).nextStep.title, 'For you');
  });

  it('records the consent wording shown: another version for someone speaking for another person', () => {
    assert.notEqual(consentVersion(voiced(en, them), 'en'), consentVersion(voiced(en, me), 'en'));
  });
});

describe("a question's own error messages", () => {
  it('gives the message for the code, in the person’s voice and language, with {{max}} filled', () => {
    const day = (q: typeof en) => must(q, 'day');
    assert.equal(questionErrorMessage(day(en), 'day', 'required'), 'Enter your day');
    assert.equal(questionErrorMessage(day(voiced(en, them)), 'day', 'required'), 'Enter their day');
    assert.equal(questionErrorMessage(day(voiced(cy, them)), 'day', 'required'), 'Rhowch eu diwrnod');
    assert.equal(questionErrorMessage(day(voiced(en, them)), 'day', 'too-long', '10'), 'Keep it to 10', 'its own too-long kept beside the other required');
    assert.equal(questionErrorMessage(day(cy), 'day', 'too-long', '10'), 'Dim mwy na 10');
  });

  it('has none for a code it does not give, or for another field (a follow-up box)', () => {
    assert.equal(questionErrorMessage(must(en, 'day'), 'day', 'invalid'), undefined);
    assert.equal(questionErrorMessage(must(en, 'day'), 'day.other', 'required'), undefined);
    assert.equal(questionErrorMessage(must(en, 'safe'), 'safe', 'required'), undefined);
  });

  it('lists an error message missing in Welsh as a fallback, by its path', () => {
    const raw = JSON.parse(JSON.stringify(definition)) as { questions: Array<{ errors?: Record<string, Record<string, string>> }> };
    delete raw.questions[0]?.errors?.['required']?.['cy'];
    const { questionnaire, fallbacks } = localiseQuestionnaire(QuestionnaireDefinition.parse(raw), 'cy');
    assert.deepEqual(fallbacks, ['questions.0.errors.required']);
    assert.equal(questionnaire.questions[0]?.errors?.required, 'Select who');
  });
});

describe('urgent help by risk', () => {
  it('shows the panel an urgent option names, in the person’s voice', () => {
    assert.deepEqual(urgentPanels(en, { safe: 'food' }).map((p) => p.id), ['food']);
    assert.deepEqual(urgentPanels(en, { for: 'other', safe: 'food' })[0]?.body, ['Food for them']);
    assert.deepEqual(urgentPanels(cy, { safe: 'food' })[0]?.body, ['Bwyd i chi']);
  });

  it('gives the first panel to an urgent option that names none, and nothing when nothing is urgent', () => {
    assert.deepEqual(urgentPanels(en, { safe: 'plain' }).map((p) => p.id), ['food']);
    assert.deepEqual(urgentPanels(en, { safe: 'yes' }), []);
  });

  it('puts danger to life (a panel calling 999 first) before the others', () => {
    const multi = QuestionnaireDefinition.parse({
      ...definition,
      questions: [...definition.questions, { id: 'also', type: 'multiple', title: { en: 'Also?', cy: 'Hefyd?' }, options: [{ value: 'food', label: { en: 'Food', cy: 'Bwyd' }, urgent: true, help: 'food' }, { value: 'hurt', label: { en: 'Hurt', cy: 'Brifo' }, urgent: true, help: 'danger' }] }],
    });
    const q = localiseQuestionnaire(multi, 'en').questionnaire;
    assert.deepEqual(urgentPanels(q, { also: ['food', 'hurt'] }).map((p) => p.id), ['danger', 'food']);
    assert.deepEqual(outcome(q, { also: ['food', 'hurt'] }).urgentHelp.map((p) => p.id), ['danger', 'food']);
  });

  it('refuses a definition whose option names a panel that does not exist, or names one without being urgent', () => {
    const bad = (option: object) => QuestionnaireDefinition.safeParse({ ...definition, questions: [...definition.questions, { id: 'q', type: 'single', title: { en: 'Q' }, options: [{ value: 'a', label: { en: 'A' }, ...option }, { value: 'b', label: { en: 'B' } }] }] }).success;
    assert.equal(bad({ urgent: true, help: 'food' }), true);
    assert.equal(bad({ urgent: true, help: 'nowhere' }), false);
    assert.equal(bad({ help: 'food' }), false);
  });

  it("lists the panel's directory services (a food bank) first among the community options, explained by its label", () => {
    const index = new ServiceIndex(seed.services);
    const result = outcome(en, { ...me, safe: 'food' });
    const needs = communityNeeds(result, termNamesOf(index.services));
    assert.deepEqual(needs[0]?.terms, ['Foodbank']);
    assert.deepEqual(needs[0]?.reason, { kind: 'hard', area: 'food', label: 'Having food' });
    const options = suggestCommunityOptions(index, needs, { limit: 5 });
    assert.equal(options[0]?.term, 'Foodbank');
    assert.ok(options.some((o) => o.term === 'Walking group'), 'the rest still get a place');
  });
});

describe('a link to another questionnaire', () => {
  it('goes where the page configures it, else to ?q=<id>', () => {
    assert.equal(questionnaireHref('looking-after-someone', undefined), '?q=looking-after-someone');
    assert.equal(questionnaireHref('looking-after-someone', { 'looking-after-someone': '/carers' }), '/carers');
    assert.equal(questionnaireHref('constructor', {}), '?q=constructor');
    assert.equal(question(en, 'more')?.type === 'info' && question(en, 'more')?.type, 'info');
  });

  it('reads the council’s urgent numbers, hours and questionnaire links from the page configuration', () => {
    const config = PageConfig.parse({
      councilPhone: '01632 960 100',
      councilHours: { en: '9 to 5', cy: '9 tan 5' },
      adultSocialCarePhone: '01632 960 200',
      safeguardingPhone: '01632 960 300',
      questionnaireUrls: { 'looking-after-someone': '/carers' },
    });
    assert.equal(config.councilHours?.cy, '9 tan 5');
    assert.equal(PageConfig.safeParse({ councilPhone: '1' }).success, false);
    assert.equal(PageConfig.safeParse({ questionnaireUrls: { 'Not An Id': '/x' } }).success, false);
  });

  it('ships demo configuration documented in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const key of ['councilPhone', 'councilHours', 'adultSocialCarePhone', 'adultSocialCareHours', 'safeguardingPhone', 'questionnaireUrls']) assert.match(readme, new RegExp(key), key);
  });
});
