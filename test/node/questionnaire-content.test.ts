import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { QuestionnaireDefinition, type AnswerValue, type Answers, type Condition, type QuestionDefinition } from '../../src/contract/questionnaire.ts';
import { seed } from '../../server/seed/index.ts';
import { localiseQuestionnaire } from '../../src/core/localise.ts';
import { outcome, visibleQuestions, voiced } from '../../src/core/questionnaire.ts';

/**
 * The questionnaires shipped with the reference server are content: these
 * tests hold them to the content rules in docs/architecture.md
 * (strengths-first, never a decision, urgent answers lead to urgent help,
 * fully bilingual) and to the structural rules the widget relies on
 * (conditions only look back, option values exist, search terms are real
 * taxonomy terms).
 */

const DIR = new URL('../../server/questionnaires/', import.meta.url);
const EXPECTED = ['looking-after-someone.json', 'what-matters.json'];

/** Strings that are the same in English and Welsh on purpose (numbers, proper nouns). */
const SAME_IN_BOTH = new Set(['999', 'Samaritans', '116 123']);

/** Words that would make the self-assessment sound like a decision; Welsh with its mutations. */
const DECISION_WORDS = [
  /\beligib/i,
  /\bentitle/i,
  /\bqualif(y|ies|ied)\b/i,
  /\bcriteria\b/i,
  /\bapproved?\b/i,
  /\bassessed as\b/i,
  /\byou will (get|receive|be given)\b/i,
  /\bthe council will (provide|pay|fund|give)\b/i,
  /\bc(h)?ymwys\b/i,
  /\bgymwys\b/i,
  /\bmeini prawf\b/i,
  /\bcymeradw/i,
  /\bgymeradw/i,
  // "Hawl i" (a right to) only for the right to be assessed, which is a right to a conversation, not to a service.
  /\bhawl i(?! gael asesiad| asesiad)/i,
];

/** The usual-path walk answers a scale in the middle. */
const USUAL_SCALE = 3;

const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();
const definitions = files.map((name) => ({ name, raw: JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as unknown }));
const parsed = definitions.map(({ name, raw }) => ({ name, def: QuestionnaireDefinition.parse(raw) }));
const termNames = new Set(seed.taxonomyTerms.map((term) => term.name));

type Option = { value: string; urgent?: boolean | undefined; exclusive?: boolean | undefined };

const optionsOf = (question: QuestionDefinition): Option[] => (question.type === 'single' || question.type === 'multiple' ? question.options : []);

/** Does `condition` hold for `answers`? An unanswered question satisfies nothing but `answered: false`. */
function holds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  if ('not' in condition) return !holds(condition.not, answers);
  const answer: AnswerValue | undefined = answers[condition.question];
  if ('answered' in condition) {
    const isAnswered = answer !== undefined && answer !== '' && !(Array.isArray(answer) && answer.length === 0);
    return isAnswered === condition.answered;
  }
  if ('equals' in condition) return answer === condition.equals;
  if ('includes' in condition) return Array.isArray(answer) && answer.includes(condition.includes);
  if ('atLeast' in condition) return typeof answer === 'number' && answer >= condition.atLeast;
  return typeof answer === 'number' && answer <= condition.atMost;
}

/** Every leaf (question-referencing) condition inside `condition`. */
function leaves(condition: Condition): Array<Extract<Condition, { question: string }>> {
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  return [condition];
}

/** Problems with one leaf condition, given the questions it may refer to. */
function leafProblems(where: string, leaf: Extract<Condition, { question: string }>, allowed: Map<string, QuestionDefinition>): string[] {
  const question = allowed.get(leaf.question);
  if (question === undefined) return [`${where}: refers to "${leaf.question}", which is not an earlier/existing question`];
  const values = optionsOf(question).map((o) => o.value);
  if ('equals' in leaf) {
    if (question.type !== 'single') return [`${where}: "equals" on ${question.type} question "${question.id}"`];
    if (typeof leaf.equals !== 'string' || !values.includes(leaf.equals)) return [`${where}: "${String(leaf.equals)}" is not an option of "${question.id}"`];
  }
  if ('includes' in leaf) {
    if (question.type !== 'multiple') return [`${where}: "includes" on ${question.type} question "${question.id}"`];
    if (!values.includes(leaf.includes)) return [`${where}: "${leaf.includes}" is not an option of "${question.id}"`];
  }
  if (('atLeast' in leaf || 'atMost' in leaf) && question.type !== 'scale' && question.type !== 'number') {
    return [`${where}: a number comparison on ${question.type} question "${question.id}"`];
  }
  if (question.type === 'scale' && 'atLeast' in leaf && (leaf.atLeast < 1 || leaf.atLeast > 5)) return [`${where}: scale bound outside 1–5`];
  if (question.type === 'scale' && 'atMost' in leaf && (leaf.atMost < 1 || leaf.atMost > 5)) return [`${where}: scale bound outside 1–5`];
  return [];
}

/** Every `{ en, … }` object in `value`, with its path. */
function localTexts(value: unknown, path = ''): Array<{ path: string; text: Record<string, unknown> }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => localTexts(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record['en'] === 'string') return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, item]) => localTexts(item, path === '' ? key : `${path}.${key}`));
}

/** A typical answer to `question`: the first ordinary option, a middling scale, some text. */
function usualAnswer(question: QuestionDefinition): AnswerValue | undefined {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const first = question.options.find((o) => !o.urgent && !o.exclusive);
      if (first === undefined) return undefined;
      return question.type === 'single' ? first.value : [first.value];
    }
    case 'scale':
      return USUAL_SCALE;
    case 'number':
      return question.min ?? 1;
    case 'date':
      return { day: 1, month: 1, year: 2000 };
    case 'postcode':
      return 'SY1 1AA';
    case 'info':
      return undefined;
    default:
      return 'Something I wrote';
  }
}

/** Walks the questionnaire answering every shown question; returns the ids of the answerable ones shown. */
function walk(questions: QuestionDefinition[], answer: (q: QuestionDefinition) => AnswerValue | undefined): string[] {
  const answers: Answers = {};
  const shown: string[] = [];
  for (const question of questions) {
    if (question.showIf !== undefined && !holds(question.showIf, answers)) continue;
    if (question.type === 'info') continue;
    shown.push(question.id);
    const value = answer(question);
    if (value !== undefined) answers[question.id] = value;
  }
  return shown;
}

/** Every subset of `values` (the values of a multiple-choice question). */
function subsets(values: string[]): string[][] {
  return values.reduce<string[][]>((all, value) => [...all, ...all.map((set) => [...set, value])], [[]]);
}

it('ships both questionnaires, each named by its id', () => {
  assert.deepEqual(
    EXPECTED.filter((name) => !files.includes(name)),
    [],
  );
  for (const { name, def } of parsed) assert.equal(`${def.id}.json`, name);
});

for (const { name, def } of parsed) {
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const urgentOptions = def.questions.flatMap((q) => optionsOf(q).filter((o) => o.urgent).map((o) => ({ question: q, value: o.value })));

  describe(`questionnaire ${name}`, () => {
    it('parses with QuestionnaireDefinition', () => {
      const raw = definitions.find((d) => d.name === name)?.raw;
      const result = QuestionnaireDefinition.safeParse(raw);
      assert.equal(result.success, true, JSON.stringify(result.error?.issues));
    });

    it('has unique question ids, and unique option values within each question', () => {
      const ids = def.questions.map((q) => q.id);
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
      for (const question of def.questions) {
        const values = optionsOf(question).map((o) => o.value);
        assert.deepEqual(values.filter((v, i) => values.indexOf(v) !== i), [], `options of ${question.id}`);
        assert.ok(optionsOf(question).filter((o) => o.exclusive).length <= 1, `${question.id} has one "none of these" at most`);
        if (question.type === 'single') assert.ok(!question.options.some((o) => o.exclusive), `${question.id}: exclusive only makes sense on multiple choice`);
      }
    });

    it('shows a question only on answers to questions that come before it, with real option values', () => {
      const problems = def.questions.flatMap((question, index) => {
        if (question.showIf === undefined) return [];
        const earlier = new Map(def.questions.slice(0, index).map((q) => [q.id, q]));
        return leaves(question.showIf).flatMap((leaf) => leafProblems(`showIf of ${question.id}`, leaf, earlier));
      });
      assert.deepEqual(problems, []);
    });

    it('bases outcomes on questions that exist, with real option values', () => {
      const conditions = [
        ...def.outcomes.areas.map((a) => ({ where: `area ${a.area}`, when: a.when })),
        ...def.outcomes.nextSteps.flatMap((s) => (s.when === undefined ? [] : [{ where: `next step ${s.step}`, when: s.when }])),
      ];
      const problems = conditions.flatMap(({ where, when }) => leaves(when).flatMap((leaf) => leafProblems(where, leaf, byId)));
      assert.deepEqual(problems, []);
      assert.deepEqual(
        def.outcomes.strengths.filter((id) => !['text', 'long-text'].includes(byId.get(id)?.type ?? '')),
        [],
        'strengths are free-text questions',
      );
      const areas = def.outcomes.areas.map((a) => a.area);
      assert.deepEqual(areas.filter((a, i) => areas.indexOf(a) !== i), [], 'each wellbeing area once');
    });

    it('has every text in English and Welsh, the Welsh really translated', () => {
      const texts = localTexts(def);
      assert.ok(texts.length > 50, 'finds the texts');
      const problems = texts.flatMap(({ path, text }) => {
        const en = String(text['en']).trim();
        const cy = typeof text['cy'] === 'string' ? text['cy'].trim() : '';
        if (en === '') return [`${path}: empty English`];
        if (cy === '') return [`${path}: no Welsh`];
        if (cy === en && !SAME_IN_BOTH.has(en)) return [`${path}: Welsh same as English ("${en}")`];
        return [];
      });
      assert.deepEqual(problems, []);
    });

    // 15 at most: "Do you look after someone?" (issue 13) is the fifteenth for a parent answering what-matters.
    it('has between 8 and 15 questions to answer on the usual path', () => {
      const shown = walk(def.questions, usualAnswer);
      assert.ok(shown.length >= 8 && shown.length <= 15, `${shown.length} questions: ${shown.join(', ')}`);
      // Scale extremes do not take the usual path outside the bounds either.
      for (const scale of [1, 5]) {
        const path = walk(def.questions, (q) => (q.type === 'scale' ? scale : usualAnswer(q)));
        assert.ok(path.length >= 8 && path.length <= 15, `scale ${scale}: ${path.length} questions`);
      }
    });

    it('asks strengths first and safety gently, not first', () => {
      const first = def.questions.findIndex((q) => def.outcomes.strengths.includes(q.id));
      const firstHard = def.questions.findIndex((q) => def.outcomes.areas.some((a) => leaves(a.when).some((l) => l.question === q.id)));
      assert.ok(first >= 0 && first < firstHard, 'a strengths question comes before any question about what is hard');
      for (const { question } of urgentOptions) assert.ok(def.questions.indexOf(question) > 0, `${question.id} is not the first question`);
    });

    it('explains what happens next before asking for a postcode or contact preference, and asks for no contact details', () => {
      const info = def.questions.findIndex((q) => q.type === 'info');
      const postcode = def.questions.findIndex((q) => q.type === 'postcode');
      const contact = byId.get('contact');
      assert.ok(info >= 0 && postcode > info, 'an info page comes before the postcode');
      assert.ok(def.questions.find((q) => q.type === 'postcode')?.optional, 'the postcode is optional');
      assert.ok(contact !== undefined && def.questions.indexOf(contact) > info);
      assert.deepEqual(
        optionsOf(contact).map((o) => o.value),
        ['phone', 'email', 'none'],
      );
      assert.deepEqual(
        def.questions.filter((q) => q.type === 'text' || ('autocomplete' in q && q.autocomplete !== undefined)).map((q) => q.id),
        [],
        'no name, phone or email fields: the send page collects those',
      );
    });

    it('leads every urgent answer to urgent help', () => {
      assert.ok(urgentOptions.length > 0, 'has urgent options');
      const urgentStep = def.outcomes.nextSteps[0];
      assert.equal(urgentStep?.step, 'urgent', 'urgent help is checked before any other next step');
      assert.ok(urgentStep.when !== undefined);
      for (const { question, value } of urgentOptions) {
        const answers: Answers = { [question.id]: question.type === 'multiple' ? [value] : value };
        assert.ok(holds(urgentStep.when, answers), `${question.id}=${value} leads to urgent help`);
      }
      const usual: Answers = {};
      for (const q of def.questions) {
        const value = usualAnswer(q);
        if (value !== undefined) usual[q.id] = value;
      }
      assert.equal(holds(urgentStep.when, usual), false, 'the usual path is not urgent');
    });

    it('has exactly one default next step, last', () => {
      const defaults = def.outcomes.nextSteps.filter((s) => s.when === undefined);
      assert.equal(defaults.length, 1);
      assert.equal(def.outcomes.nextSteps.at(-1)?.when, undefined);
    });

    it('suggests a hub conversation for 2+ areas or low wellbeing, a call back on request, community for one area, else self-serve', () => {
      const steps = def.outcomes.nextSteps.filter((s) => s.step !== 'urgent');
      const referenced = [...new Set(def.outcomes.areas.flatMap((a) => leaves(a.when).map((l) => l.question)))];
      // Every way of answering the questions the areas depend on, with each contact preference.
      let combinations: Answers[] = [{}];
      for (const id of [...referenced, 'contact']) {
        const question = byId.get(id);
        assert.ok(question !== undefined, id);
        const choices: Array<AnswerValue | undefined> =
          question.type === 'multiple'
            ? subsets(question.options.filter((o) => !o.exclusive).map((o) => o.value))
            : question.type === 'scale'
              ? [1, 2, 3, 4, 5]
              : [undefined, ...optionsOf(question).map((o) => o.value)];
        combinations = combinations.flatMap((answers) => choices.map((choice) => (choice === undefined ? answers : { ...answers, [id]: choice })));
      }
      assert.ok(combinations.length > 1000);
      const wrong: string[] = [];
      for (const answers of combinations) {
        const areas = def.outcomes.areas.filter((a) => holds(a.when, answers)).length;
        const low = typeof answers['feeling'] === 'number' && answers['feeling'] <= 2;
        const expected = areas >= 2 || low ? 'hub-conversation' : answers['contact'] === 'phone' && areas >= 1 ? 'call-back' : areas === 1 ? 'community' : 'self-serve';
        const actual = steps.find((s) => s.when === undefined || holds(s.when, answers))?.step;
        if (actual !== expected && wrong.length < 5) wrong.push(`${JSON.stringify(answers)}: ${actual} not ${expected}`);
      }
      assert.deepEqual(wrong, []);
    });

    it('never reads as a decision', () => {
      const problems = localTexts(def).flatMap(({ path, text }) =>
        Object.values(text).flatMap((s) => DECISION_WORDS.filter((word) => word.test(String(s))).map((word) => `${path}: ${word} in "${String(s)}"`)),
      );
      assert.deepEqual(problems, []);
    });

    it('searches only for terms that exist in the seed taxonomy', () => {
      const unknown = def.outcomes.areas.flatMap((a) => a.searchTerms.filter((term) => !termNames.has(term)).map((term) => `${a.area}: ${term}`));
      assert.deepEqual(unknown, []);
      for (const area of def.outcomes.areas) assert.ok(area.searchTerms.length > 0, `${area.area} has search terms`);
    });

    it('says in its intro and consent what it is and what happens to the answers, and leaves how long it takes to `minutes`', () => {
      const intro = def.intro.map((t) => t.en).join(' ');
      assert.match(intro, /not an application/);
      // The start page says "It takes about N minutes." from `minutes`; the intro saying it too read it twice.
      assert.ok(def.minutes >= 1);
      assert.doesNotMatch(intro, /\bminutes?\b/);
      assert.doesNotMatch(def.intro.map((t) => t['cy'] ?? '').join(' '), /\bmunud\b|\bfunud\b/);
      assert.match(intro, /kept on this device/);
      assert.match(def.consent.en, /community team/);
      assert.match(def.consent.en, /12 months/);
      assert.match(def.consent.en, /delete/);
      assert.match(def.consent['cy'] ?? '', /12 mis/);
    });
  });
}

// ---------------------------------------------------------------- issue 13: voice, urgent help, errors, carers

/** First and second person words that must change when the person answers for someone else. */
const PERSON_EN = /\b(you|your|yours|yourself|me|my|myself)\b|\bI\b/i;
const PERSON_CY = /\b(chi|eich|ydych|rydych|amdanoch|drosoch|fy|fi|gen i|rwy’n|rydw|dydw|ydw)\b|’ch\b/i;

type Text = { en: string; [lang: string]: string };
const hasBoth = (text: Text | undefined): boolean => text !== undefined && text.en.trim() !== '' && typeof text['cy'] === 'string' && text['cy'].trim() !== '';
const personal = (text: Text | undefined): boolean => text !== undefined && (PERSON_EN.test(text.en) || PERSON_CY.test(text['cy'] ?? ''));

/** Each text with a first/second person word that lacks a third-person wording in English and Welsh. */
function unvoiced(where: string, item: Record<string, unknown>, keys: string[]): string[] {
  const other = (item['other'] ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of keys) {
    const own = item[key];
    if (Array.isArray(own)) {
      const theirs = other[key];
      if (own.some((text: Text) => personal(text)) && (!Array.isArray(theirs) || theirs.length !== own.length || !theirs.every((text: Text) => hasBoth(text)))) problems.push(`${where}.${key}`);
    } else if (own !== undefined && personal(own as Text) && !hasBoth(other[key] as Text | undefined)) problems.push(`${where}.${key}`);
  }
  const errors = (item['errors'] ?? {}) as Record<string, Text>;
  const otherErrors = (other['errors'] ?? {}) as Record<string, Text>;
  for (const [code, text] of Object.entries(errors)) if (personal(text) && !hasBoth(otherErrors[code])) problems.push(`${where}.errors.${code}`);
  return problems;
}

describe('answering for someone else (what-matters)', () => {
  const def = parsed.find((p) => p.def.id === 'what-matters')?.def;
  assert.ok(def !== undefined);
  const deciders = new Set(def.thirdPerson === undefined ? [] : leaves(def.thirdPerson).map((leaf) => leaf.question));
  const decidedAt = Math.max(...def.questions.flatMap((q, index) => (deciders.has(q.id) ? [index] : [])));
  /** Questions after the "answering for" question that a person answering for themselves also sees. */
  const voicedQuestions = def.questions.filter((q, index) => index > decidedAt && !(q.showIf !== undefined && leaves(q.showIf).some((leaf) => deciders.has(leaf.question))));

  it('asks whether the person is answering for someone else, and says so in `thirdPerson`', () => {
    assert.deepEqual(def.thirdPerson, { question: 'answering-for', equals: 'someone-else' });
    assert.equal(decidedAt, 0, 'it is the first question');
    assert.ok(voicedQuestions.length >= 12, `${voicedQuestions.length} questions after it`);
  });

  it('has every question in the third person, in English and Welsh', () => {
    const problems = voicedQuestions.flatMap((question) => {
      const other = question.other;
      if (question.type === 'info') {
        const body = other?.body;
        return body !== undefined && body.length === question.body.length && body.every(hasBoth) ? [] : [`${question.id}: no third-person body`];
      }
      const title = other?.title;
      if (!hasBoth(title) || title === undefined) return [`${question.id}: no third-person title`];
      return title.en === question.title.en || title['cy'] === question.title['cy'] ? [`${question.id}: the third-person title is the same as its own`] : [];
    });
    assert.deepEqual(problems, []);
  });

  it('has a third-person wording, in both languages, for every text of those questions, options and follow-ups that says you, I or me', () => {
    const problems = voicedQuestions.flatMap((question) => [
      ...unvoiced(question.id, question, ['title', 'hint', 'body', 'minLabel', 'maxLabel', 'suffix']),
      ...optionsOf(question).flatMap((option) => {
        const full = option as unknown as Record<string, unknown> & { followUp?: Record<string, unknown> };
        return [...unvoiced(`${question.id}.${option.value}`, full, ['label', 'hint']), ...(full.followUp ? unvoiced(`${question.id}.${option.value}.followUp`, full.followUp, ['label', 'hint']) : [])];
      }),
    ]);
    assert.deepEqual(problems, []);
  });

  it('has the result, the next steps, the urgent help and the consent in the third person too', () => {
    const problems = [
      ...def.outcomes.areas.flatMap((area) => unvoiced(`area ${area.area}`, area, ['label'])),
      ...def.outcomes.nextSteps.flatMap((step) => unvoiced(`step ${step.step}`, step, ['title', 'body'])),
      ...def.urgentHelp.flatMap((panel) => unvoiced(`urgent ${panel.id}`, panel, ['title', 'body', 'label'])),
      ...unvoiced('questionnaire', def, ['consent']),
    ];
    assert.deepEqual(problems, []);
    const consent = def.other?.consent;
    assert.ok(consent !== undefined && hasBoth(consent));
    assert.match(consent.en, /answering for someone else/);
    assert.match(consent.en, /agree/);
    assert.match(consent.en, /12 months/);
    assert.match(consent['cy'] ?? '', /ateb dros rywun arall/);
    assert.match(consent['cy'] ?? '', /12 mis/);
  });

  it('reads in the third person through the engine, in English and Welsh, once someone else is chosen', () => {
    const forThem: Answers = { 'answering-for': 'someone-else' };
    const en = voiced(localiseQuestionnaire(def, 'en').questionnaire, forThem);
    const cy = voiced(localiseQuestionnaire(def, 'cy').questionnaire, forThem);
    assert.equal(en.questions.find((q) => q.id === 'good-day')?.title, 'What does a good day look like for them?');
    assert.equal(cy.questions.find((q) => q.id === 'good-day')?.title, 'Sut beth yw diwrnod da iddyn nhw?');
    const safeEn = en.questions.find((q) => q.id === 'safe');
    assert.ok(safeEn?.type === 'single');
    assert.deepEqual(
      safeEn.options.filter((o) => o.urgent).map((o) => o.label),
      ['Someone may hurt them', 'They might hurt themselves', 'They might hurt someone else', 'They do not have food or heating'],
    );
    const mine = voiced(localiseQuestionnaire(def, 'en').questionnaire, { 'answering-for': 'myself' });
    assert.equal(mine.questions.find((q) => q.id === 'good-day')?.title, 'What does a good day look like for you?');
  });
});

describe('urgent help by risk', () => {
  for (const { name, def } of parsed) {
    const panels = new Map(def.urgentHelp.map((panel) => [panel.id, panel]));
    const urgent = def.questions.flatMap((q) => optionsOf(q).filter((o) => o.urgent).map((o) => ({ question: q.id, option: o as Option & { help?: string } })));
    const panelOf = (value: string) => panels.get(urgent.find((u) => u.option.value === value)?.option.help ?? '');

    it(`${name}: every urgent option names a panel, with a title, words and someone to call, in English and Welsh`, () => {
      assert.ok(urgent.length > 0);
      const problems = urgent.flatMap(({ question, option }) => {
        const panel = option.help === undefined ? undefined : panels.get(option.help);
        if (panel === undefined) return [`${question}.${option.value}: no panel`];
        if (!hasBoth(panel.title) || !panel.body.every(hasBoth) || panel.contacts.length === 0) return [`${panel.id}: not in both languages, or no one to call`];
        return [];
      });
      assert.deepEqual(problems, []);
    });

    it(`${name}: danger to life puts 999 and Samaritans first`, () => {
      for (const value of ['worried-hurt', 'might-hurt-self', 'might-hurt-others']) assert.deepEqual(panelOf(value)?.contacts.slice(0, 2), ['emergency', 'samaritans'], value);
    });

    it(`${name}: no food or heating gives food banks and emergency fuel from the directory and the council's in-hours number`, () => {
      const panel = panelOf('no-food-heating');
      assert.ok(panel !== undefined);
      assert.ok(panel.searchTerms.includes('Foodbank') && panel.searchTerms.includes('Energy advice'), panel.searchTerms.join());
      assert.equal(panel.contacts[0], 'council');
      assert.deepEqual(panel.searchTerms.filter((term) => !termNames.has(term)), [], 'real taxonomy terms');
      assert.ok(panel.label !== undefined && hasBoth(panel.label));
      assert.match(panel.body.map((t) => t.en).join(' '), /food bank/i);
      assert.match(panel.body.map((t) => t.en).join(' '), /fuel/i);
    });
  }

  it("looking-after-someone: 'I cannot keep caring safely' gives the adult social care front door and safeguarding", () => {
    const def = parsed.find((p) => p.def.id === 'looking-after-someone')?.def;
    const option = def?.questions.find((q) => q.id === 'safe');
    const chosen = option && optionsOf(option).find((o) => o.value === 'cannot-keep-caring');
    const panel = def?.urgentHelp.find((p) => p.id === (chosen as { help?: string } | undefined)?.help);
    assert.deepEqual(panel?.contacts.slice(0, 2), ['adult-social-care', 'safeguarding']);
  });
});

describe('error messages per question', () => {
  for (const { name, def } of parsed) {
    it(`${name}: every question that must be answered has its own message, in English and Welsh`, () => {
      const missing = def.questions.filter((q) => q.type !== 'info' && q.optional !== true && !hasBoth(q.errors?.required)).map((q) => q.id);
      assert.deepEqual(missing, []);
      const postcode = def.questions.find((q) => q.type === 'postcode');
      assert.ok(postcode && hasBoth(postcode.errors?.invalid), 'the postcode says what a postcode looks like');
    });

    it(`${name}: the messages say what to do, GOV.UK style (Select…/Enter…), never "Answer this question"`, () => {
      const texts = def.questions.flatMap((q) => Object.values({ ...q.errors, ...q.other?.errors }).filter((text): text is Text => text !== undefined));
      assert.ok(texts.length > 5);
      const problems = texts.flatMap((text) => (/^(Select|Enter)\b/.test(text.en) && /^(Dewiswch|Rhowch)\b/.test(text['cy'] ?? '') ? [] : [text.en]));
      assert.deepEqual(problems, []);
    });
  }

  it('says "Select if you are answering for yourself or someone else"', () => {
    const question = parsed.find((p) => p.def.id === 'what-matters')?.def.questions.find((q) => q.id === 'answering-for');
    assert.equal(question?.errors?.required?.en, 'Select if you are answering for yourself or someone else');
  });
});

describe('carers', () => {
  const carers = parsed.find((p) => p.def.id === 'looking-after-someone')?.def;
  const matters = parsed.find((p) => p.def.id === 'what-matters')?.def;
  assert.ok(carers !== undefined && matters !== undefined);
  const en = localiseQuestionnaire(carers, 'en').questionnaire;
  const cy = localiseQuestionnaire(carers, 'cy').questionnaire;
  const shownIds = (q: typeof en, answers: Answers) => visibleQuestions(q, answers).map((question) => question.id);
  const adult: Answers = { 'cared-for': 'parent', age: '18-or-over' };
  const young: Answers = { 'cared-for': 'parent', age: 'under-18' };

  it("names the right to a carer's assessment and how to ask for one, in English and Welsh, to adults", () => {
    const page = en.questions.find((q) => q.id === 'carers-assessment');
    const pageCy = cy.questions.find((q) => q.id === 'carers-assessment');
    assert.ok(page?.type === 'info' && pageCy?.type === 'info');
    assert.match(page.title, /right to a carer’s assessment/);
    assert.match(page.body.join(' '), /To ask for one, call the council’s adult social care team/);
    assert.match(pageCy.title, /hawl i gael asesiad gofalwr/);
    assert.match(pageCy.body.join(' '), /I ofyn am un/);
    assert.ok(shownIds(en, adult).includes('carers-assessment'));
    assert.ok(!shownIds(en, young).includes('carers-assessment'));
  });

  it('asks whether they are willing and able to keep caring, and whether there is a plan if they cannot', () => {
    assert.match(en.questions.find((q) => q.id === 'willing')?.title ?? '', /willing and able to keep caring/);
    assert.match(cy.questions.find((q) => q.id === 'willing')?.title ?? '', /fodlon ac yn gallu dal ati i ofalu/);
    assert.match(en.questions.find((q) => q.id === 'plan')?.title ?? '', /could not care.*plan/);
    for (const id of ['willing', 'plan']) assert.ok(shownIds(en, adult).includes(id) && shownIds(en, young).includes(id), id);
    assert.equal(outcome(en, { ...adult, willing: 'no', contact: 'none' }).nextStep.step, 'hub-conversation', 'not able to keep caring: a conversation');
  });

  it('routes a young carer (under 18) to young carers’ help: a page and a next step, in both languages', () => {
    assert.ok(shownIds(en, young).includes('young-carers'));
    assert.ok(!shownIds(en, adult).includes('young-carers'));
    const page = en.questions.find((q) => q.id === 'young-carers');
    assert.ok(page?.type === 'info');
    assert.match(page.body.join(' '), /young carer/);
    assert.match(page.body.join(' '), /Childline/);
    assert.equal(outcome(en, young).nextStep.step, 'young-carer');
    assert.match(outcome(cy, young).nextStep.title, /ofalwyr ifanc/);
    assert.notEqual(outcome(en, adult).nextStep.step, 'young-carer');
    assert.equal(outcome(en, { ...young, safe: 'might-hurt-self' }).nextStep.step, 'urgent', 'danger still comes first');
  });

  it('what-matters asks "Do you look after someone?" and, on yes, links to the carers’ questionnaire', () => {
    const wm = localiseQuestionnaire(matters, 'en').questionnaire;
    const wmCy = localiseQuestionnaire(matters, 'cy').questionnaire;
    assert.match(wm.questions.find((q) => q.id === 'looks-after')?.title ?? '', /^Do you look after someone/);
    assert.match(wmCy.questions.find((q) => q.id === 'looks-after')?.title ?? '', /^Ydych chi’n gofalu am rywun/);
    const link = wm.questions.find((q) => q.id === 'carers-link');
    assert.ok(link?.type === 'info');
    assert.equal(link.link?.questionnaire, 'looking-after-someone');
    assert.ok(parsed.some((p) => p.def.id === link.link?.questionnaire), 'links to a questionnaire that exists');
    assert.ok(visibleQuestions(wm, { 'answering-for': 'myself', 'looks-after': 'yes' }).some((q) => q.id === 'carers-link'));
    assert.ok(!visibleQuestions(wm, { 'answering-for': 'myself', 'looks-after': 'no' }).some((q) => q.id === 'carers-link'));
  });
});
