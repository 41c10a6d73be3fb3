import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LocalisedQuestionnaire, type QuestionnaireDefinition, type AnswerValue, type Answers, type Condition, type LocalisedQuestion, type NextStep } from '../../src/contract/questionnaire.ts';
import {
  CHECK_ANSWERS,
  START,
  answersForSubmission,
  evaluate,
  firstQuestion,
  isUrgent,
  withAnswer,
  nextQuestion,
  normaliseAnswer,
  outcome,
  postcodeAnswer,
  previousQuestion,
  progress,
  reconcile,
  urgentAnswers,
  validateAnswer,
  validateFollowUps,
  validatePage,
  validateSubmission,
  visibleQuestions,
} from '../../src/core/questionnaire.ts';
import { localiseQuestionnaire } from '../../src/core/localise.ts';
import { loadQuestionnaires } from '../../server/questionnaires.ts';

/** A valid definition from just its questions and outcomes: the contract parses it, so defaults apply. */
function define(questions: unknown[], outcomes: Record<string, unknown> = {}, version = 1): LocalisedQuestionnaire {
  return LocalisedQuestionnaire.parse({
    id: 'test',
    version,
    title: 'Test',
    intro: ['About this'],
    minutes: 5,
    consent: 'We keep it for 90 days.',
    questions,
    outcomes: { areas: [], nextSteps: [{ step: 'hub-conversation', title: 'Talk to us', body: 'Come to a hub.' }], ...outcomes },
  });
}

function question(raw: Record<string, unknown>): LocalisedQuestion {
  const q = define([{ id: 'q', title: 'Q', ...raw }]).questions[0];
  assert.ok(q);
  return q;
}

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const code = (q: LocalisedQuestion, value: AnswerValue | undefined, now?: Date) => validateAnswer(q, value, now)?.code;

describe('evaluate', () => {
  const answers: Answers = { choice: 'yes', many: ['a', 'b'], one: ['a'], n: 7, text: '12', empty: '', none: [], date: { day: 1, month: 2, year: 2000 } };

  it('equals: strings, numbers, and a multiple choice only when it is the only option chosen', () => {
    assert.equal(evaluate({ question: 'choice', equals: 'yes' }, answers), true);
    assert.equal(evaluate({ question: 'choice', equals: 'no' }, answers), false);
    assert.equal(evaluate({ question: 'n', equals: 7 }, answers), true);
    assert.equal(evaluate({ question: 'n', equals: '7' }, answers), true);
    assert.equal(evaluate({ question: 'text', equals: 12 }, answers), true);
    assert.equal(evaluate({ question: 'one', equals: 'a' }, answers), true);
    assert.equal(evaluate({ question: 'many', equals: 'a' }, answers), false);
    assert.equal(evaluate({ question: 'date', equals: 'x' }, answers), false);
  });

  it('includes: an array member, or a string that equals', () => {
    assert.equal(evaluate({ question: 'many', includes: 'b' }, answers), true);
    assert.equal(evaluate({ question: 'many', includes: 'c' }, answers), false);
    assert.equal(evaluate({ question: 'choice', includes: 'yes' }, answers), true);
    assert.equal(evaluate({ question: 'choice', includes: 'ye' }, answers), false);
  });

  it('answered: empty strings and empty arrays are unanswered', () => {
    assert.equal(evaluate({ question: 'choice', answered: true }, answers), true);
    assert.equal(evaluate({ question: 'date', answered: true }, answers), true);
    assert.equal(evaluate({ question: 'empty', answered: true }, answers), false);
    assert.equal(evaluate({ question: 'none', answered: false }, answers), true);
    assert.equal(evaluate({ question: 'choice', answered: false }, answers), false);
  });

  it('atLeast / atMost on numbers, number strings and scales', () => {
    assert.equal(evaluate({ question: 'n', atLeast: 7 }, answers), true);
    assert.equal(evaluate({ question: 'n', atLeast: 8 }, answers), false);
    assert.equal(evaluate({ question: 'n', atMost: 7 }, answers), true);
    assert.equal(evaluate({ question: 'n', atMost: 6 }, answers), false);
    assert.equal(evaluate({ question: 'text', atLeast: 12 }, answers), true);
    assert.equal(evaluate({ question: 'choice', atLeast: 0 }, answers), false);
    assert.equal(evaluate({ question: 'scale', atMost: 2 }, { scale: 2 }), true);
  });

  it('atLeast / atMost on a multiple choice count the options chosen', () => {
    assert.equal(evaluate({ question: 'many', atLeast: 2 }, answers), true);
    assert.equal(evaluate({ question: 'many', atLeast: 3 }, answers), false);
    assert.equal(evaluate({ question: 'many', atMost: 2 }, answers), true);
    assert.equal(evaluate({ question: 'one', atMost: 0 }, answers), false);
    // Nothing ticked is unanswered: no count holds, `answered: false` does.
    assert.equal(evaluate({ question: 'none', atMost: 0 }, answers), false);
    assert.equal(evaluate({ question: 'none', atLeast: 0 }, answers), false);
    assert.equal(evaluate({ question: 'missing', atMost: 0 }, answers), false);
    // Option values that look like numbers are still counted, not read.
    assert.equal(evaluate({ question: 'digits', atLeast: 5 }, { digits: ['7'] }), false);
    assert.equal(evaluate({ question: 'digits', atMost: 1 }, { digits: ['7'] }), true);
  });

  it('shows a question only when at least 3 difficulties are ticked', () => {
    const q = define([
      {
        id: 'hard',
        type: 'multiple',
        title: 'What is hard?',
        optional: true,
        options: ['cooking', 'washing', 'stairs', 'shopping'].map((value) => ({ value, label: value })),
      },
      { id: 'call', type: 'single', title: 'Shall we call you?', showIf: { question: 'hard', atLeast: 3 }, options: yesNo },
    ]);
    const shown = (hard: string[]) => visibleQuestions(q, { hard }).map((v) => v.id);
    assert.deepEqual(shown([]), ['hard']);
    assert.deepEqual(shown(['cooking', 'stairs']), ['hard']);
    assert.deepEqual(shown(['cooking', 'stairs', 'shopping']), ['hard', 'call']);
    assert.deepEqual(shown(['cooking', 'washing', 'stairs', 'shopping']), ['hard', 'call']);
  });

  it('all / any / not', () => {
    const yes: Condition = { question: 'choice', equals: 'yes' };
    const no: Condition = { question: 'choice', equals: 'no' };
    assert.equal(evaluate({ all: [yes, { question: 'n', atLeast: 1 }] }, answers), true);
    assert.equal(evaluate({ all: [yes, no] }, answers), false);
    assert.equal(evaluate({ any: [no, yes] }, answers), true);
    assert.equal(evaluate({ any: [no] }, answers), false);
    assert.equal(evaluate({ not: no }, answers), true);
    assert.equal(evaluate({ not: { all: [yes, { not: no }] } }, answers), false);
  });

  it('an unknown question is unanswered, including names of Object.prototype members', () => {
    assert.equal(evaluate({ question: 'missing', answered: true }, answers), false);
    assert.equal(evaluate({ question: 'missing', answered: false }, answers), true);
    assert.equal(evaluate({ question: 'missing', equals: 'yes' }, answers), false);
    assert.equal(evaluate({ not: { question: 'missing', atLeast: 0 } }, answers), true);
    assert.equal(evaluate({ question: 'constructor', answered: true }, {}), false);
    assert.equal(evaluate({ question: 'tostring', answered: true }, {}), false);
  });

  it('never throws, whatever it is given', () => {
    const cyclic: { not?: unknown } = {};
    cyclic.not = cyclic;
    assert.equal(typeof evaluate(cyclic as Condition, answers), 'boolean');
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (condition, given) => {
        assert.equal(typeof evaluate(condition as Condition, given as Answers), 'boolean');
      }),
      { numRuns: 300 },
    );
  });
});

/** Carer? → who they care for (if carer) → is it a child (if they care for a child) → age → an info page → name. */
const branching = define([
  { id: 'carer', type: 'single', title: 'Do you look after someone?', options: yesNo },
  { id: 'cares-for', type: 'multiple', title: 'Who?', showIf: { question: 'carer', equals: 'yes' }, options: [{ value: 'child', label: 'A child' }, { value: 'adult', label: 'An adult' }] },
  { id: 'child-age', type: 'number', title: 'How old is the child?', showIf: { question: 'cares-for', includes: 'child' } },
  { id: 'about', type: 'info', title: 'About you', body: ['Now some questions about you.'] },
  { id: 'name', type: 'text', title: 'Your name', optional: true },
]);

describe('visibility and navigation', () => {
  it('shows questions whose showIf holds, in order', () => {
    assert.deepEqual(
      visibleQuestions(branching, {}).map((q) => q.id),
      ['carer', 'about', 'name'],
    );
    assert.deepEqual(
      visibleQuestions(branching, { carer: 'yes', 'cares-for': ['child'] }).map((q) => q.id),
      ['carer', 'cares-for', 'child-age', 'about', 'name'],
    );
  });

  it('ignores answers to questions hidden by a changed earlier answer, all the way down', () => {
    // cares-for is now hidden, so its answer must not keep child-age visible.
    assert.deepEqual(
      visibleQuestions(branching, { carer: 'no', 'cares-for': ['child'], 'child-age': 4 }).map((q) => q.id),
      ['carer', 'about', 'name'],
    );
  });

  it('walks forward and back, and re-routes when an answer changes', () => {
    assert.equal(firstQuestion(branching), 'carer');
    const answers: Answers = { carer: 'yes' };
    assert.equal(nextQuestion(branching, answers, 'carer'), 'cares-for');
    answers['cares-for'] = ['adult'];
    assert.equal(nextQuestion(branching, answers, 'cares-for'), 'about');
    assert.equal(previousQuestion(branching, answers, 'about'), 'cares-for');
    answers['cares-for'] = ['child', 'adult'];
    assert.equal(nextQuestion(branching, answers, 'cares-for'), 'child-age');
    answers['child-age'] = 9;
    assert.equal(previousQuestion(branching, answers, 'about'), 'child-age');
    assert.equal(nextQuestion(branching, answers, 'name'), CHECK_ANSWERS);
    assert.equal(previousQuestion(branching, answers, CHECK_ANSWERS), 'name');
    assert.equal(previousQuestion(branching, answers, 'carer'), START);

    // Back to the first page and a different answer: the carer branch disappears.
    answers['carer'] = 'no';
    assert.equal(nextQuestion(branching, answers, 'carer'), 'about');
    assert.equal(previousQuestion(branching, answers, 'about'), 'carer');
  });

  it('handles the start page, check answers and unknown ids', () => {
    assert.equal(nextQuestion(branching, {}, START), 'carer');
    assert.equal(nextQuestion(branching, {}, CHECK_ANSWERS), CHECK_ANSWERS);
    assert.equal(nextQuestion(branching, {}, 'no-such-page'), 'carer');
    assert.equal(previousQuestion(branching, {}, 'no-such-page'), START);
    assert.equal(previousQuestion(branching, {}, START), START);
  });

  it('goes straight to check answers when every question is hidden', () => {
    // A condition on itself (the contract refuses an unknown question) sees it unanswered.
    const hidden = define([{ id: 'a', type: 'text', title: 'A', showIf: { question: 'a', answered: true } }]);
    assert.equal(firstQuestion(hidden), CHECK_ANSWERS);
    assert.equal(previousQuestion(hidden, {}, CHECK_ANSWERS), START);
  });

  it('a showIf naming a later question sees it as unanswered', () => {
    const forward = define([
      { id: 'a', type: 'text', title: 'A', showIf: { question: 'b', answered: true } },
      { id: 'b', type: 'text', title: 'B' },
    ]);
    assert.deepEqual(
      visibleQuestions(forward, { a: 'x', b: 'y' }).map((q) => q.id),
      ['b'],
    );
  });
});

describe('progress', () => {
  it('counts visible questions, not information pages, and the total changes with the answers', () => {
    assert.deepEqual(progress(branching, {}, 'carer'), { index: 1, total: 2 });
    assert.deepEqual(progress(branching, {}, 'name'), { index: 2, total: 2 });
    const carer = { carer: 'yes', 'cares-for': ['adult'] };
    assert.deepEqual(progress(branching, carer, 'cares-for'), { index: 2, total: 3 });
    assert.deepEqual(progress(branching, { ...carer, 'cares-for': ['child'] }, 'child-age'), { index: 3, total: 4 });
    assert.deepEqual(progress(branching, { ...carer, 'cares-for': ['child'] }, 'name'), { index: 4, total: 4 });
  });

  it('gives an information page the number of the next question, and an unknown page 0', () => {
    assert.deepEqual(progress(branching, {}, 'about'), { index: 2, total: 2 });
    assert.deepEqual(progress(branching, {}, 'nope'), { index: 0, total: 2 });
  });
});

describe('validateAnswer', () => {
  it('requires an answer unless the question is optional', () => {
    const required = question({ type: 'text' });
    const optional = question({ type: 'text', optional: true });
    for (const empty of [undefined, '', '   ', []] as const) {
      assert.equal(code(required, empty as AnswerValue | undefined), 'required');
      assert.equal(code(optional, empty as AnswerValue | undefined), undefined);
    }
  });

  it('single: one of the options', () => {
    const q = question({ type: 'single', options: yesNo });
    assert.equal(code(q, 'yes'), undefined);
    assert.equal(code(q, 'maybe'), 'invalid');
    assert.equal(code(q, ['yes']), 'invalid');
    assert.equal(code(q, 1), 'invalid');
  });

  it('multiple: valid options, no repeats, and an exclusive option alone', () => {
    const q = question({
      type: 'multiple',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
        { value: 'none', label: 'None of these', exclusive: true },
      ],
    });
    assert.equal(code(q, ['a']), undefined);
    assert.equal(code(q, ['b', 'a']), undefined);
    assert.equal(code(q, ['none']), undefined);
    assert.equal(code(q, ['a', 'none']), 'invalid');
    assert.equal(code(q, ['a', 'c']), 'invalid');
    assert.equal(code(q, ['a', 'a']), 'invalid');
    assert.equal(code(q, 'a'), 'invalid');
  });

  it('text and long-text: trimmed length in characters against maxLength', () => {
    const text = question({ type: 'text', maxLength: 5 });
    assert.equal(code(text, '  12345  '), undefined);
    assert.equal(code(text, '123456'), 'too-long');
    assert.equal(code(text, '😀😀😀😀😀'), undefined);
    assert.equal(code(text, 5), 'invalid');
    const long = question({ type: 'long-text' });
    assert.equal(code(long, 'x'.repeat(1000)), undefined);
    assert.equal(code(long, 'x'.repeat(1001)), 'too-long');
  });

  it('number: numeric strings accepted, integer, min and max', () => {
    const q = question({ type: 'number', min: 0, max: 120 });
    assert.equal(code(q, 12), undefined);
    assert.equal(code(q, ' 12 '), undefined);
    assert.equal(code(q, '12.5'), 'invalid');
    assert.equal(code(q, 'twelve'), 'invalid');
    assert.equal(code(q, -1), 'too-small');
    assert.equal(code(q, '121'), 'too-big');
    const money = question({ type: 'number', integer: false, min: 0.5 });
    assert.equal(code(money, '1,250.75'), undefined);
    assert.equal(code(money, 0.25), 'too-small');
    assert.equal(code(money, Number.NaN), 'invalid');
  });

  it('date: a real calendar date, and not in the future when asked', () => {
    const q = question({ type: 'date', notInFuture: true });
    const now = new Date(2024, 5, 15, 12, 0);
    assert.equal(code(q, { day: 29, month: 2, year: 2024 }, now), undefined);
    assert.equal(code(q, { day: 29, month: 2, year: 2023 }, now), 'invalid');
    assert.equal(code(q, { day: 31, month: 2, year: 2020 }, now), 'invalid');
    assert.equal(code(q, { day: 31, month: 4, year: 2020 }, now), 'invalid');
    assert.equal(code(q, { day: 1, month: 13, year: 2020 }, now), 'invalid');
    assert.equal(code(q, { day: 1, month: 1, year: 20 }, now), 'invalid');
    assert.equal(code(q, { day: Number.NaN, month: 1, year: 2020 }, now), 'invalid');
    assert.equal(code(q, '2020-01-01', now), 'invalid');
    assert.equal(code(q, { day: 15, month: 6, year: 2024 }, now), undefined);
    assert.equal(code(q, { day: 16, month: 6, year: 2024 }, now), 'too-big');
    assert.equal(code(question({ type: 'date' }), { day: 16, month: 6, year: 2030 }, now), undefined);
  });

  it('postcode: a full UK postcode', () => {
    const q = question({ type: 'postcode' });
    assert.equal(code(q, 'LL15 1AA'), undefined);
    assert.equal(code(q, 'sw1a2aa'), undefined);
    assert.equal(code(q, 'LL15'), 'invalid');
    assert.equal(code(q, 'Ruthin'), 'invalid');
  });

  it('scale: a whole number from 1 to 5', () => {
    const q = question({ type: 'scale', minLabel: 'Bad', maxLabel: 'Good' });
    assert.equal(code(q, 1), undefined);
    assert.equal(code(q, '5'), undefined);
    assert.equal(code(q, 0), 'invalid');
    assert.equal(code(q, 6), 'invalid');
    assert.equal(code(q, 2.5), 'invalid');
  });

  it('info: never an error', () => {
    const q = question({ type: 'info', body: ['Read this'] });
    assert.equal(code(q, undefined), undefined);
    assert.equal(code(q, 'anything'), undefined);
  });

  it('follow-up boxes: length only, and only for the chosen option', () => {
    const q = question({
      type: 'multiple',
      options: [
        { value: 'a', label: 'A', followUp: { label: 'Tell us more', maxLength: 5 } },
        { value: 'b', label: 'B', followUp: { label: 'Tell us more', maxLength: 5 } },
        { value: 'c', label: 'C' },
      ],
    });
    assert.deepEqual(validateFollowUps(q, { q: ['a'], 'q.a': '12345', 'q.b': 'far too long' }), []);
    assert.deepEqual(validateFollowUps(q, { q: ['a', 'b'], 'q.a': '', 'q.b': 'far too long' }), [{ field: 'q.b', code: 'too-long' }]);
    assert.deepEqual(validatePage(q, { q: ['a', 'z'], 'q.a': '123456' }), [
      { field: 'q', code: 'invalid' },
      { field: 'q.a', code: 'too-long' },
    ]);
    assert.deepEqual(validatePage(q, {}), [{ field: 'q', code: 'required' }]);
  });
});

describe('normaliseAnswer', () => {
  it('trims text and turns blanks into no answer', () => {
    assert.equal(normaliseAnswer(question({ type: 'text' }), '  Ann  '), 'Ann');
    assert.equal(normaliseAnswer(question({ type: 'long-text' }), '   '), undefined);
    assert.equal(normaliseAnswer(question({ type: 'single', options: yesNo }), ' yes '), 'yes');
  });

  it('turns number strings into numbers, keeping what it cannot read for validation to report', () => {
    const q = question({ type: 'number' });
    assert.equal(normaliseAnswer(q, ' 12 '), 12);
    assert.equal(normaliseAnswer(q, '1,250'), 1250);
    assert.equal(normaliseAnswer(q, 'ten'), 'ten');
    assert.equal(normaliseAnswer(q, ''), undefined);
    assert.equal(normaliseAnswer(question({ type: 'scale', minLabel: 'a', maxLabel: 'b' }), '4'), 4);
  });

  it('normalises postcodes', () => {
    const q = question({ type: 'postcode' });
    assert.equal(normaliseAnswer(q, ' ll151aa '), 'LL15 1AA');
    assert.equal(normaliseAnswer(q, 'Ruthin '), 'Ruthin');
  });

  it('orders choices and lets an exclusive option clear the others', () => {
    const q = question({
      type: 'multiple',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
        { value: 'none', label: 'None', exclusive: true },
      ],
    });
    assert.deepEqual(normaliseAnswer(q, ['b', 'a', 'b']), ['a', 'b']);
    assert.deepEqual(normaliseAnswer(q, ['a', 'none']), ['none']);
    assert.deepEqual(normaliseAnswer(q, 'a'), ['a']);
    assert.equal(normaliseAnswer(q, []), undefined);
  });

  it('reads the three date boxes (and month names), keeping a half-filled date invalid rather than missing', () => {
    const q = question({ type: 'date' });
    assert.deepEqual(normaliseAnswer(q, { day: ' 3', month: '02', year: '2020' }), { day: 3, month: 2, year: 2020 });
    assert.deepEqual(normaliseAnswer(q, { day: '3', month: 'Feb', year: '2020' }), { day: 3, month: 2, year: 2020 });
    assert.deepEqual(normaliseAnswer(q, '2020-02-03'), { day: 3, month: 2, year: 2020 });
    assert.equal(normaliseAnswer(q, { day: '', month: '', year: '' }), undefined);
    const half = normaliseAnswer(q, { day: '3', month: '', year: '2020' });
    assert.equal(code(q, half), 'invalid');
  });

  it('stores nothing for an information page', () => {
    assert.equal(normaliseAnswer(question({ type: 'info', body: ['x'] }), 'x'), undefined);
  });
});

const safety = define(
  [
    {
      id: 'safe',
      type: 'single',
      title: 'Do you feel safe at home?',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No', urgent: true },
      ],
    },
    { id: 'eating', type: 'single', title: 'Can you make meals?', options: [{ value: 'yes', label: 'Yes' }, { value: 'with-help', label: 'With help' }, { value: 'no-food', label: 'I have no food', urgent: true, followUp: { label: 'Tell us more' } }] },
    { id: 'lonely', type: 'scale', title: 'How connected do you feel?', minLabel: 'Not at all', maxLabel: 'Very' },
    { id: 'carer', type: 'single', title: 'Do you look after someone?', options: yesNo },
    {
      id: 'carer-harm',
      type: 'multiple',
      title: 'Does caring affect you?',
      showIf: { question: 'carer', equals: 'yes' },
      options: [
        { value: 'sleep', label: 'Sleep' },
        { value: 'hurt', label: 'I might hurt myself', urgent: true },
        { value: 'none', label: 'None of these', exclusive: true },
      ],
    },
    { id: 'good-at', type: 'long-text', title: 'What are you good at?', optional: true },
    { id: 'people', type: 'text', title: 'Who helps you?', optional: true },
  ],
  {
    areas: [
      { area: 'nutrition', label: 'Eating well', when: { any: [{ question: 'eating', equals: 'with-help' }, { question: 'eating', equals: 'no-food' }] }, searchTerms: ['food', 'lunch club'] },
      { area: 'mental-wellbeing', label: 'Feeling connected', when: { question: 'lonely', atMost: 2 }, searchTerms: ['friendship', 'lunch club'] },
      { area: 'carer-health', label: 'Your health as a carer', when: { question: 'carer-harm', includes: 'sleep' }, searchTerms: ['carers'] },
    ],
    strengths: ['good-at', 'people', 'eating'],
    nextSteps: [
      { step: 'urgent', title: 'Get help now', body: 'Call 999.' },
      { step: 'call-back', title: 'We will call you', when: { question: 'lonely', atMost: 1 }, body: 'Within 2 days.' },
      { step: 'community', title: 'Try these', when: { question: 'carer-harm', includes: 'sleep' }, body: 'Carers groups.' },
      { step: 'hub-conversation', title: 'Come and talk', body: 'At a hub near you.' },
    ],
  },
);

describe('urgent answers', () => {
  it('finds visible chosen options marked urgent, in question order', () => {
    const answers: Answers = { safe: 'no', eating: 'no-food', carer: 'yes', 'carer-harm': ['sleep', 'hurt'] };
    assert.deepEqual(urgentAnswers(safety, answers), [
      { question: 'safe', option: 'no' },
      { question: 'eating', option: 'no-food' },
      { question: 'carer-harm', option: 'hurt' },
    ]);
    assert.equal(isUrgent(safety, answers), true);
    assert.equal(isUrgent(safety, { safe: 'yes', eating: 'yes' }), false);
  });

  it('does not count an answer to a question that is now hidden', () => {
    const answers: Answers = { safe: 'yes', carer: 'yes', 'carer-harm': ['hurt'] };
    assert.equal(isUrgent(safety, answers), true);
    answers['carer'] = 'no';
    assert.deepEqual(urgentAnswers(safety, answers), []);
    assert.equal(isUrgent(safety, answers), false);
  });
});

describe('outcome', () => {
  it('reports areas from visible answers, with their search terms once each', () => {
    const result = outcome(safety, { safe: 'yes', eating: 'with-help', lonely: 2, carer: 'no', 'carer-harm': ['sleep'] });
    assert.deepEqual(
      result.areas.map((a) => a.area),
      ['nutrition', 'mental-wellbeing'],
    );
    assert.deepEqual(result.areas[0], { area: 'nutrition', label: 'Eating well', searchTerms: ['food', 'lunch club'] });
    assert.deepEqual(result.searchTerms, ['food', 'lunch club', 'friendship']);
  });

  it('gives strengths in the person’s words, skipping empty and non-text answers', () => {
    const result = outcome(safety, { eating: 'yes', 'good-at': '  Gardening and baking ', people: '  ' });
    assert.deepEqual(result.strengths, [{ question: 'good-at', title: 'What are you good at?', answer: 'Gardening and baking' }]);
  });

  it('chooses the first next step whose condition holds, else the default', () => {
    assert.equal(outcome(safety, { safe: 'yes', lonely: 1 }).nextStep.step, 'call-back');
    assert.equal(outcome(safety, { safe: 'yes', lonely: 3, carer: 'yes', 'carer-harm': ['sleep'] }).nextStep.step, 'community');
    // The carer branch is hidden: its answer neither matches an area nor picks a step.
    const hidden = outcome(safety, { safe: 'yes', lonely: 3, carer: 'no', 'carer-harm': ['sleep'] });
    assert.deepEqual(hidden.nextStep, { step: 'hub-conversation', title: 'Come and talk', body: 'At a hub near you.' });
    assert.deepEqual(hidden.areas, []);
  });

  it('puts the urgent step first when an answer is urgent, and never uses it as the everyday default', () => {
    assert.deepEqual(outcome(safety, { safe: 'no', lonely: 1 }).nextStep, { step: 'urgent', title: 'Get help now', body: 'Call 999.' });
    assert.equal(outcome(safety, { safe: 'yes' }).nextStep.step, 'hub-conversation');
  });

  it('falls back to the normal rules when urgent but there is no urgent step', () => {
    const q = define([{ id: 'safe', type: 'single', title: 'Safe?', options: [{ value: 'no', label: 'No', urgent: true }, { value: 'yes', label: 'Yes' }] }]);
    assert.equal(outcome(q, { safe: 'no' }).nextStep.step, 'hub-conversation');
  });

  it('has no eligibility decision', () => {
    assert.deepEqual(Object.keys(outcome(safety, {})).sort(), ['areas', 'nextStep', 'searchTerms', 'strengths', 'thirdPerson', 'urgentHelp', 'words']);
  });
});

describe('reconcile', () => {
  const v1 = define(
    [
      { id: 'age', type: 'number', title: 'Age' },
      { id: 'gone', type: 'text', title: 'Removed later' },
      { id: 'help', type: 'multiple', title: 'Help with', options: [{ value: 'meals', label: 'Meals', followUp: { label: 'More' } }, { value: 'shopping', label: 'Shopping' }, { value: 'post', label: 'Post', followUp: { label: 'More' } }] },
      { id: 'often', type: 'single', title: 'How often', options: [{ value: 'daily', label: 'Daily' }, { value: 'weekly', label: 'Weekly' }] },
      { id: 'name', type: 'text', title: 'Name' },
    ],
    {},
    1,
  );
  const v2 = define(
    [
      { id: 'age', type: 'single', title: 'Age band', options: [{ value: 'under-65', label: 'Under 65' }, { value: '65-plus', label: '65 and over' }] },
      { id: 'help', type: 'multiple', title: 'Help with', options: [{ value: 'meals', label: 'Meals', followUp: { label: 'More' } }, { value: 'post', label: 'Post' }] },
      { id: 'often', type: 'single', title: 'How often', options: [{ value: 'daily', label: 'Daily' }, { value: 'weekly', label: 'Weekly' }] },
      { id: 'name', type: 'text', title: 'Name' },
    ],
    {},
    2,
  );
  assert.equal(v1.version, 1);

  it('keeps a draft of the same version as it is', () => {
    const answers: Answers = { age: 70, gone: 'x' };
    assert.deepEqual(reconcile(v2, { version: 2, answers }), { answers, dropped: [] });
  });

  it('drops removed questions, changed types and removed options, and says which', () => {
    const saved: Answers = { age: 70, gone: 'x', help: ['meals', 'post'], 'help.meals': 'Hot dinners', 'help.post': 'Reading letters', often: 'weekly', name: 'Ann', 'orphan.x': '' };
    const result = reconcile(v2, { version: 1, answers: saved });
    assert.deepEqual(result.answers, { help: ['meals', 'post'], 'help.meals': 'Hot dinners', often: 'weekly', name: 'Ann' });
    assert.deepEqual(result.dropped.sort(), ['age', 'gone', 'help']);
  });

  it('drops a multiple-choice answer whose option no longer exists', () => {
    const result = reconcile(v2, { version: 1, answers: { help: ['meals', 'shopping'], 'help.meals': 'Soup' } });
    assert.deepEqual(result.answers, {});
    assert.deepEqual(result.dropped, ['help']);
  });

  it('keeps answers to questions that are hidden for now, and ignores prototype-looking keys', () => {
    const gated = define([{ id: 'a', type: 'single', title: 'A', options: yesNo }, { id: 'b', type: 'text', title: 'B', showIf: { question: 'a', equals: 'yes' } }], {}, 3);
    const saved = JSON.parse('{"a":"no","b":"kept","__proto__":"x"}') as Answers;
    const result = reconcile(gated, { version: 2, answers: saved });
    assert.deepEqual(result.answers, { a: 'no', b: 'kept' });
    assert.deepEqual(result.dropped, ['__proto__']);
    assert.equal(Object.getPrototypeOf(result.answers), Object.prototype);
  });
});

describe('answersForSubmission', () => {
  it('sends visible answers and the chosen options’ follow-ups only', () => {
    const answers: Answers = {
      safe: 'yes',
      eating: 'no-food',
      'eating.no-food': 'Cupboards empty',
      'eating.with-help': 'stale',
      carer: 'no',
      'carer-harm': ['sleep'],
      'good-at': '',
      stray: 'x',
    };
    assert.deepEqual(answersForSubmission(safety, answers), { safe: 'yes', eating: 'no-food', 'eating.no-food': 'Cupboards empty', carer: 'no' });
  });
});

describe('postcodeAnswer', () => {
  const where = define([
    { id: 'lives', type: 'single', title: 'Where?', options: [{ value: 'here', label: 'Here' }, { value: 'away', label: 'Away' }] },
    { id: 'home', type: 'postcode', title: 'Home postcode', showIf: { question: 'lives', equals: 'here' } },
    { id: 'work', type: 'postcode', title: 'Work postcode', optional: true },
  ]);

  it('is the answer to the first postcode question shown', () => {
    assert.equal(postcodeAnswer(where, { lives: 'here', home: 'SY4 5JD', work: 'SY1 1AA' }), 'SY4 5JD');
    assert.equal(postcodeAnswer(where, { lives: 'here', work: 'SY1 1AA' }), 'SY1 1AA', 'the first one answered');
  });

  it('ignores a postcode whose question is hidden now, and gives nothing without one', () => {
    assert.equal(postcodeAnswer(where, { lives: 'away', home: 'SY4 5JD' }), undefined);
    assert.equal(postcodeAnswer(where, {}), undefined);
  });
});

describe('validateSubmission', () => {
  const now = new Date(2025, 0, 1);
  const complete: Answers = { safe: 'yes', eating: 'no-food', 'eating.no-food': 'Cupboards empty', lonely: 3, carer: 'yes', 'carer-harm': ['sleep'] };

  it('accepts a complete set of answers, optional questions left out', () => {
    assert.deepEqual(validateSubmission(safety, complete, now), []);
    assert.deepEqual(validateSubmission(safety, { ...complete, 'good-at': 'Baking', people: '' }, now), []);
  });

  it('names each visible required question left unanswered, in question order', () => {
    const { eating: _eating, lonely: _lonely, ...missing } = complete;
    assert.deepEqual(validateSubmission(safety, missing, now), [
      { field: 'eating', code: 'required' },
      { field: 'lonely', code: 'required' },
    ]);
    // A required question that branching shows must be answered too.
    const { 'carer-harm': _harm, ...noHarm } = complete;
    assert.deepEqual(validateSubmission(safety, noHarm, now), [{ field: 'carer-harm', code: 'required' }]);
  });

  it('reports values that do not fit and follow-ups that are too long', () => {
    assert.deepEqual(validateSubmission(safety, { ...complete, safe: 'maybe', lonely: 9 }, now), [
      { field: 'safe', code: 'invalid' },
      { field: 'lonely', code: 'invalid' },
    ]);
    assert.deepEqual(validateSubmission(safety, { ...complete, 'carer-harm': ['sleep', 'none'] }, now), [{ field: 'carer-harm', code: 'invalid' }]);
    assert.deepEqual(validateSubmission(safety, { ...complete, 'eating.no-food': 'x'.repeat(501) }, now), [{ field: 'eating.no-food', code: 'too-long' }]);
  });

  it('reports keys that name no question, no information page and no follow-up box as invalid', () => {
    assert.deepEqual(validateSubmission(safety, { ...complete, stray: 'x', 'safe.yes': 'why', constructor: 'x' }, now), [
      { field: 'stray', code: 'invalid' },
      { field: 'safe.yes', code: 'invalid' },
      { field: 'constructor', code: 'invalid' },
    ]);
    assert.deepEqual(validateSubmission(branching, { carer: 'no', about: 'read it' }, now), [{ field: 'about', code: 'invalid' }]);
  });

  it('ignores answers to hidden questions and the boxes of options not chosen, whatever they hold', () => {
    const changedMind: Answers = { ...complete, carer: 'no', 'carer-harm': ['not-an-option'], eating: 'yes', 'eating.no-food': 'x'.repeat(900) };
    assert.deepEqual(validateSubmission(safety, changedMind, now), []);
    assert.deepEqual(answersForSubmission(safety, changedMind), { safe: 'yes', eating: 'yes', lonely: 3, carer: 'no' });
  });

  it('never throws on answers of the wrong shape', () => {
    assert.deepEqual(validateSubmission(safety, null as unknown as Answers, now).map((e) => e.field), ['safe', 'eating', 'lonely', 'carer']);
  });
});

// ---------------------------------------------------------------- properties

const TYPES = ['single', 'multiple', 'text', 'long-text', 'number', 'date', 'postcode', 'scale', 'info'] as const;
const STEPS: readonly NextStep[] = ['urgent', 'call-back', 'hub-conversation', 'community', 'self-serve'];

/** A condition over question numbers `ref`, resolved later to an earlier question's id. */
type RawCondition =
  | { kind: 'equals'; ref: number; value: string | number }
  | { kind: 'includes'; ref: number; value: string }
  | { kind: 'answered'; ref: number; value: boolean }
  | { kind: 'atLeast' | 'atMost'; ref: number; value: number }
  | { kind: 'all' | 'any'; of: RawCondition[] }
  | { kind: 'not'; of: RawCondition };

const optionValue = fc.constantFrom('o0', 'o1', 'o2', 'o3', 'x');
const leaf: fc.Arbitrary<RawCondition> = fc.oneof(
  fc.record({ kind: fc.constant('equals' as const), ref: fc.nat(), value: fc.oneof(optionValue, fc.integer({ min: 0, max: 6 })) }),
  fc.record({ kind: fc.constant('includes' as const), ref: fc.nat(), value: optionValue }),
  fc.record({ kind: fc.constant('answered' as const), ref: fc.nat(), value: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('atLeast' as const, 'atMost' as const), ref: fc.nat(), value: fc.integer({ min: 0, max: 6 }) }),
);
const rawCondition = (depth: number): fc.Arbitrary<RawCondition> =>
  depth === 0
    ? leaf
    : fc.oneof(
        leaf,
        fc.record({ kind: fc.constantFrom('all' as const, 'any' as const), of: fc.array(rawCondition(depth - 1), { minLength: 1, maxLength: 3 }) }),
        fc.record({ kind: fc.constant('not' as const), of: rawCondition(depth - 1) }),
      );

/** Only earlier questions (indices below `before`) are referenced. */
function toCondition(raw: RawCondition, before: number): Condition {
  switch (raw.kind) {
    case 'all':
      return { all: raw.of.map((c) => toCondition(c, before)) };
    case 'any':
      return { any: raw.of.map((c) => toCondition(c, before)) };
    case 'not':
      return { not: toCondition(raw.of, before) };
    case 'equals':
      return { question: `q${raw.ref % before}`, equals: raw.value };
    case 'includes':
      return { question: `q${raw.ref % before}`, includes: raw.value };
    case 'answered':
      return { question: `q${raw.ref % before}`, answered: raw.value };
    case 'atLeast':
      return { question: `q${raw.ref % before}`, atLeast: raw.value };
    case 'atMost':
      return { question: `q${raw.ref % before}`, atMost: raw.value };
  }
}

const rawQuestion = fc.record({
  type: fc.constantFrom(...TYPES),
  optional: fc.boolean(),
  showIf: fc.option(rawCondition(2), { nil: undefined, freq: 2 }),
  options: fc.array(fc.record({ urgent: fc.boolean(), exclusive: fc.boolean(), followUp: fc.boolean() }), { minLength: 2, maxLength: 4 }),
  min: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
  span: fc.integer({ min: 0, max: 20 }),
  maxLength: fc.integer({ min: 1, max: 50 }),
  notInFuture: fc.boolean(),
});

const definition = fc
  .record({
    questions: fc.array(rawQuestion, { minLength: 3, maxLength: 12 }),
    areas: fc.array(fc.record({ area: fc.constantFrom('nutrition' as const, 'relationships' as const, 'money' as const), when: rawCondition(2), ref: fc.nat() }), { maxLength: 3 }),
    steps: fc.array(fc.record({ step: fc.constantFrom(...STEPS), when: rawCondition(1) }), { maxLength: 3 }),
    defaultStep: fc.constantFrom(...STEPS),
    defaultAt: fc.nat(),
    strengths: fc.array(fc.nat(), { maxLength: 3 }),
  })
  .map((raw) => {
    const n = raw.questions.length;
    const questions = raw.questions.map((r, i) => {
      const base = { id: `q${i}`, title: `Question ${i}`, optional: r.optional, ...(r.showIf !== undefined && i > 0 ? { showIf: toCondition(r.showIf, i) } : {}) };
      switch (r.type) {
        case 'single':
        case 'multiple':
          return {
            ...base,
            type: r.type,
            options: r.options.map((o, k) => ({ value: `o${k}`, label: `Option ${k}`, urgent: o.urgent, exclusive: o.exclusive, ...(o.followUp ? { followUp: { label: 'More', maxLength: 20 } } : {}) })),
          };
        case 'text':
        case 'long-text':
          return { ...base, type: r.type, maxLength: r.maxLength };
        case 'number':
          return { ...base, type: r.type, ...(r.min === undefined ? {} : { min: r.min, max: r.min + r.span }) };
        case 'date':
          return { ...base, type: r.type, notInFuture: r.notInFuture };
        case 'scale':
          return { ...base, type: r.type, minLabel: 'Low', maxLabel: 'High' };
        case 'info':
          return { ...base, type: r.type, body: ['Something to read'] };
        case 'postcode':
          return { ...base, type: r.type };
      }
    });
    const steps: Array<Record<string, unknown>> = raw.steps.map((s) => ({ step: s.step, title: s.step, body: 'Body', when: toCondition(s.when, n) }));
    steps.splice(raw.defaultAt % (steps.length + 1), 0, { step: raw.defaultStep, title: 'Default', body: 'Body' });
    return define(questions, {
      areas: raw.areas.map((a) => ({ area: a.area, label: a.area, when: toCondition(a.when, n), searchTerms: [a.area, `t${a.ref % 3}`] })),
      strengths: raw.strengths.map((s) => `q${s % n}`),
      nextSteps: steps,
    });
  });

const POSTCODES = ['SW1A 2AA', 'LL15 1AA', 'CF10 1EP', 'SY1 1AA'];

/** A valid answer for `question`, chosen by `seed`, or undefined to skip an optional question. */
function answerFor(question: LocalisedQuestion, seed: number): AnswerValue | undefined {
  if (question.type === 'info' || (question.optional === true && seed % 4 === 0)) return undefined;
  switch (question.type) {
    case 'single':
      return question.options[seed % question.options.length]?.value;
    case 'multiple': {
      const picked = question.options.filter((_, k) => ((seed >> k) & 1) === 1);
      const chosen = picked.length > 0 ? picked : question.options.slice(0, 1);
      const exclusive = chosen.find((o) => o.exclusive === true);
      return exclusive === undefined ? chosen.map((o) => o.value) : [exclusive.value];
    }
    case 'text':
    case 'long-text':
      return 'w'.repeat(1 + (seed % question.maxLength));
    case 'number': {
      const min = question.min ?? -1000;
      const max = question.max ?? 1000;
      return min + (seed % (max - min + 1));
    }
    case 'date':
      return { day: 1 + (seed % 28), month: 1 + (seed % 12), year: 1930 + (seed % 90) };
    case 'postcode':
      return POSTCODES[seed % POSTCODES.length];
    case 'scale':
      return 1 + (seed % 5);
  }
}

describe('properties', () => {
  it('a walk through any valid definition reaches check answers, never loops and always has a next step', () => {
    const now = new Date(2025, 0, 1);
    fc.assert(
      fc.property(definition, fc.array(fc.nat({ max: 1_000_000 }), { minLength: 12, maxLength: 12 }), (q, seeds) => {
        const answers: Answers = {};
        const visited = new Set<string>();
        let page = firstQuestion(q);
        let steps = 0;
        while (page !== CHECK_ANSWERS) {
          assert.ok(!visited.has(page), `revisited ${page}`);
          visited.add(page);
          steps++;
          assert.ok(steps <= q.questions.length, 'too many steps');
          const current = q.questions.find((candidate) => candidate.id === page);
          assert.ok(current, `unknown page ${page}`);
          assert.ok(
            visibleQuestions(q, answers).some((v) => v.id === page),
            'walked onto a hidden question',
          );
          const { index, total } = progress(q, answers, page);
          assert.ok(index >= 0 && index <= total);

          const seed = seeds[steps - 1] ?? 0;
          const value = answerFor(current, seed);
          assert.equal(validateAnswer(current, value, now), undefined, `generated answer rejected for ${current.type}`);
          if (value !== undefined) {
            assert.deepEqual(normaliseAnswer(current, value), value, 'a valid stored answer is already normal');
            answers[current.id] = value;
            for (const option of current.type === 'single' || current.type === 'multiple' ? current.options : []) {
              if (option.followUp !== undefined) answers[`${current.id}.${option.value}`] = 'detail';
            }
          }
          assert.deepEqual(validatePage(current, answers, now), []);
          const next = nextQuestion(q, answers, page);
          if (next !== CHECK_ANSWERS) assert.equal(previousQuestion(q, answers, next), page);
          page = next;
        }

        const result = outcome(q, answers);
        assert.ok(STEPS.includes(result.nextStep.step));
        if (isUrgent(q, answers) && q.outcomes.nextSteps.some((s) => s.step === 'urgent')) assert.equal(result.nextStep.step, 'urgent');
        const shown = new Set(visibleQuestions(q, answers).map((v) => v.id));
        for (const key of Object.keys(answersForSubmission(q, answers))) assert.ok(shown.has(key.split('.')[0] ?? ''), `sent hidden ${key}`);
        for (const u of urgentAnswers(q, answers)) assert.ok(shown.has(u.question));
        assert.deepEqual(validateSubmission(q, answers, now), [], 'the answers of a walk are a valid submission');
        assert.deepEqual(validateSubmission(q, answersForSubmission(q, answers), now), [], 'and so is what is sent');
        assert.deepEqual(reconcile(q, { version: q.version + 1, answers: answersForSubmission(q, answers) }, now).dropped, []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('outcome: the person’s own words first (issue 13)', () => {
  const whatMatters = localiseQuestionnaire(loadQuestionnaires().get('what-matters') as QuestionnaireDefinition, 'en').questionnaire;

  it('gives back what would be different and the good day, in the person’s words, before the strengths', () => {
    const result = outcome(whatMatters, {
      'answering-for': 'myself',
      'good-day': 'Tea with my sister',
      'what-would-help': 'Getting to the shops on my own',
      'good-at': 'Baking',
      harder: ['getting-out'],
      'harder.getting-out': 'The bus stopped running',
    });
    assert.deepEqual(
      result.words.map((entry) => [entry.title, entry.answer]),
      [
        ['What does a good day look like for you?', 'Tea with my sister'],
        ['What would you like to be different?', 'Getting to the shops on my own'],
      ],
    );
    assert.deepEqual(result.strengths.map((entry) => entry.question), ['good-at']);
    assert.deepEqual(result.areas.map((area) => [area.area, area.detail]), [['community-and-transport', 'The bus stopped running']]);
  });

  it('refuses own words naming a question the definition does not have', () => {
    const parsed = LocalisedQuestionnaire.safeParse({ ...whatMatters, outcomes: { ...whatMatters.outcomes, words: ['no-such-question'] } });
    assert.equal(parsed.success, false);
  });
});

describe('withAnswer', () => {
  it('sets, replaces and, for an emptied box or untick of the last choice, removes the answer without touching the others', () => {
    const start: Answers = { name: 'Sam', areas: ['getting-out'] };
    assert.deepEqual(withAnswer(start, 'day', 'a walk'), { name: 'Sam', areas: ['getting-out'], day: 'a walk' });
    assert.deepEqual(withAnswer(start, 'name', 'Alex'), { name: 'Alex', areas: ['getting-out'] });
    assert.deepEqual(withAnswer(start, 'name', ''), { areas: ['getting-out'] });
    assert.deepEqual(withAnswer(start, 'areas', []), { name: 'Sam' });
    assert.deepEqual(withAnswer(start, 'areas', undefined), { name: 'Sam' });
    assert.deepEqual(start, { name: 'Sam', areas: ['getting-out'] }, 'the answers given are not changed');
  });
});
