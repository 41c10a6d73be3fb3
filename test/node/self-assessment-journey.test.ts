import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LocalisedQuestionnaire, type Answers } from '../../src/contract/questionnaire.ts';
import { CHECK_ANSWERS, START, visibleQuestions } from '../../src/core/questionnaire.ts';
import {
  RESULT,
  SEND,
  historyStateWith,
  initialJourney,
  journey,
  placeInHistory,
  placeOf,
  resumePlace,
  type JourneyAction,
  type JourneyState,
} from '../../src/core/self-assessment-journey.ts';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** a → b (only after "yes") → c (optional) → d (information) → e → check answers. */
const q = LocalisedQuestionnaire.parse({
  id: 'journey',
  version: 1,
  title: 'Journey',
  intro: ['About this'],
  minutes: 5,
  consent: 'We keep it.',
  questions: [
    { id: 'a', type: 'single', title: 'A', options: yesNo },
    { id: 'b', type: 'text', title: 'B', showIf: { question: 'a', equals: 'yes' } },
    { id: 'c', type: 'text', title: 'C', optional: true },
    { id: 'd', type: 'info', title: 'D', body: ['Something to know'] },
    { id: 'e', type: 'scale', title: 'E', minLabel: 'Low', maxLabel: 'High' },
  ],
  outcomes: { areas: [], nextSteps: [{ step: 'hub-conversation', title: 'Talk to us', body: 'Come to a hub.' }] },
});

/** Runs actions from `state` with `answers`, returning every state on the way. */
function run(state: JourneyState, answers: Answers, ...actions: JourneyAction[]): JourneyState {
  return actions.reduce((current, action) => journey(current, { ...action, questionnaire: q, answers }), state);
}

/** Where the state is, as a place, or the page kind for the saved and sent pages. */
const at = (state: JourneyState) => placeOf(state) ?? state.page.kind;

/** From the start page, Continue `times` times with `answers`. */
function walk(answers: Answers, times: number): JourneyState {
  return run(initialJourney, answers, ...Array.from({ length: times }, () => ({ type: 'continue' }) as const));
}

const go = { type: 'continue' } as const;
const back = { type: 'back' } as const;

describe('the self-assessment journey', () => {
  it('starts on the start page, recorded as the current history entry once the questionnaire is there', () => {
    assert.equal(at(initialJourney), START);
    assert.deepEqual(initialJourney.effects, []);
    const loaded = run(initialJourney, {}, { type: 'loaded' });
    assert.equal(at(loaded), START);
    assert.deepEqual(loaded.effects, [{ type: 'history', mode: 'replace', place: START }]);
  });

  it('goes question by question, skipping hidden ones, to check answers, the result and the send page; each step a new history entry, focused, with a step change', () => {
    const first = walk({}, 1);
    assert.equal(at(first), 'a');
    assert.deepEqual(first.effects, [{ type: 'history', mode: 'push', place: 'a' }, { type: 'focus' }, { type: 'step-change', place: 'a' }]);
    const no = { a: 'no', e: 3 };
    assert.deepEqual(
      [2, 3, 4, 5, 6, 7].map((times) => at(walk(no, times))),
      ['c', 'd', 'e', CHECK_ANSWERS, RESULT, SEND],
    );
    assert.equal(at(walk({ a: 'yes', b: 'Bee', e: 3 }, 2)), 'b');
    // Nothing after the send page: that is the element's to do (sending), not the journey's.
    const send = walk(no, 7);
    const after = run(send, no, go);
    assert.equal(at(after), SEND);
    assert.deepEqual(after.effects, []);
  });

  it('goes back one visible step at a time, to the start page; from the result to check answers and from send to the result', () => {
    const answers = { a: 'no', e: 3 };
    const check = walk(answers, 5);
    assert.equal(at(check), CHECK_ANSWERS);
    const places = [];
    let state = check;
    for (let step = 0; step < 5; step++) {
      state = run(state, answers, back);
      places.push(at(state));
    }
    assert.deepEqual(places, ['e', 'd', 'c', 'a', START]);
    assert.deepEqual(run(state, answers, back).effects, [], 'no Back from the start page');
    assert.equal(at(run(walk(answers, 6), answers, back)), CHECK_ANSWERS);
    assert.equal(at(run(walk(answers, 7), answers, back)), RESULT);
    assert.deepEqual(run(walk(answers, 2), answers, back).effects, [{ type: 'history', mode: 'push', place: 'a' }, { type: 'focus' }, { type: 'step-change', place: 'a' }]);
  });

  it('returns to check answers after Change, with Continue or Back', () => {
    const answers = { a: 'no', e: 3 };
    const check = walk(answers, 5);
    const changing = run(check, answers, { type: 'change', question: 'e' });
    assert.equal(at(changing), 'e');
    assert.equal(changing.returnToCheck, true);
    const back = run(changing, answers, go);
    assert.equal(at(back), CHECK_ANSWERS);
    assert.equal(back.returnToCheck, false);
    // Even when an unanswered optional question (already shown) follows.
    assert.equal(at(run(check, answers, { type: 'change', question: 'a' }, go)), CHECK_ANSWERS);
    const backed = run(check, answers, { type: 'change', question: 'c' }, { type: 'back' });
    assert.equal(at(backed), CHECK_ANSWERS);
    assert.equal(backed.returnToCheck, false);
  });

  it('after Change, asks a question the new answer opens that the person has not seen, then returns to check answers', () => {
    const before = { a: 'no', e: 3 };
    const check = walk(before, 5);
    const changing = run(check, before, { type: 'change', question: 'a' });
    const after = { ...before, a: 'yes', b: 'Bee' };
    const opened = run(changing, after, go);
    assert.equal(at(opened), 'b', 'the question the change opened');
    assert.equal(opened.returnToCheck, true);
    assert.equal(at(run(opened, after, go)), CHECK_ANSWERS, 'c was seen before');
  });

  it('follows the browser’s Back and Forward without recording them again, giving way to the next question shown when one is now hidden', () => {
    const answers = { a: 'no', e: 3 };
    const check = walk(answers, 5);
    const popped = run(check, answers, { type: 'history', place: 'c' });
    assert.equal(at(popped), 'c');
    assert.deepEqual(popped.effects, [{ type: 'focus' }, { type: 'step-change', place: 'c' }]);
    assert.equal(at(run(check, answers, { type: 'history', place: 'b' })), 'c', 'b is hidden: the next one shown');
    assert.equal(at(run(check, answers, { type: 'history', place: START })), START);
    assert.equal(at(run(check, answers, { type: 'history', place: RESULT })), RESULT);
    assert.equal(run(check, answers, { type: 'change', question: 'e' }, { type: 'history', place: 'd' }).returnToCheck, false);
    const sent = run(walk(answers, 7), answers, { type: 'sent', reference: 'CLS-ACDEFG' });
    const stays = run(sent, answers, { type: 'history', place: 'a' });
    assert.equal(stays.page.kind, 'sent', 'history cannot go back into sent answers');
    assert.deepEqual(stays.effects, []);
  });

  it('restores saved answers where they were saved, as the current history entry, counting their questions as seen', () => {
    const answers = { a: 'no', e: 3 };
    const restored = run(initialJourney, answers, { type: 'restore', at: 'e', answered: Object.keys(answers), focus: false });
    assert.equal(at(restored), 'e');
    assert.deepEqual(restored.effects, [{ type: 'history', mode: 'replace', place: 'e' }, { type: 'step-change', place: 'e' }], 'no focus on a reload');
    assert.deepEqual([...restored.seen].sort(), ['a', 'e']);
    assert.equal(at(run(initialJourney, answers, { type: 'restore', at: undefined, answered: [], focus: true })), 'a');
    assert.equal(at(run(initialJourney, answers, { type: 'restore', at: START, answered: [], focus: true })), 'a');
    assert.equal(at(run(initialJourney, answers, { type: 'restore', at: RESULT, answered: [], focus: true })), RESULT);
    assert.equal(at(run(initialJourney, answers, { type: 'restore', at: 'no-such-question', answered: [], focus: true })), 'a');
    // A "Change" that came back from the server, say, does not carry over.
    assert.equal(run(initialJourney, answers, { type: 'restore', at: 'a', answered: ['a', 'e'], focus: true }, go).returnToCheck, false);
  });

  it('shows the saved page without a step, and carries on at the question saved, without a new history entry', () => {
    const answers = { a: 'no' };
    const question = walk(answers, 2);
    const saved = run(question, answers, { type: 'saved', code: 'ACDEFGHJ' });
    assert.deepEqual(saved.page, { kind: 'saved', code: 'ACDEFGHJ' });
    assert.deepEqual(saved.effects, [{ type: 'focus' }]);
    assert.equal(placeOf(saved), undefined);
    assert.equal(resumePlace(saved), 'c', 'saved answers resume at the question');
    const carried = run(saved, answers, { type: 'carry-on' });
    assert.equal(at(carried), 'c');
    assert.deepEqual(carried.effects, [{ type: 'focus' }, { type: 'step-change', place: 'c' }]);
    assert.deepEqual(run(question, answers, { type: 'carry-on' }).effects, [], 'only from the saved page');
  });

  it('starts again on the start page with nothing seen, and checks answers when the questions changed', () => {
    const answers = { a: 'no', e: 3 };
    const check = walk(answers, 5);
    const again = run(check, {}, { type: 'start-again' });
    assert.equal(at(again), START);
    assert.deepEqual(again.seen, []);
    assert.deepEqual(again.effects, [{ type: 'history', mode: 'push', place: START }, { type: 'focus' }, { type: 'step-change', place: START }]);
    const changed = run(walk(answers, 7), answers, { type: 'questions-changed' });
    assert.equal(at(changed), CHECK_ANSWERS);
    assert.deepEqual(changed.effects[0], { type: 'history', mode: 'push', place: CHECK_ANSWERS });
  });

  it('goes straight to check answers when every question is hidden', () => {
    // A showIf naming a later question sees it unanswered.
    const questions = [
      { id: 'y', type: 'text', title: 'Y', showIf: { question: 'z', answered: true } },
      { id: 'z', type: 'text', title: 'Z', showIf: { question: 'y', answered: true } },
    ];
    const hidden = LocalisedQuestionnaire.parse({ ...q, questions });
    const state = journey(initialJourney, { type: 'continue', questionnaire: hidden, answers: {} });
    assert.equal(at(state), CHECK_ANSWERS);
  });

  it('only ever shows a visible question, and never loses its way, whatever the person does', () => {
    const action: fc.Arbitrary<JourneyAction> = fc.oneof(
      fc.constant<JourneyAction>({ type: 'continue' }),
      fc.constant<JourneyAction>({ type: 'back' }),
      fc.constantFrom('a', 'b', 'c', 'e').map<JourneyAction>((question) => ({ type: 'change', question })),
      fc.constantFrom(START, 'a', 'b', 'c', 'd', 'e', CHECK_ANSWERS, RESULT, SEND, 'nonsense').map<JourneyAction>((place) => ({ type: 'history', place })),
      fc.constant<JourneyAction>({ type: 'saved', code: 'ACDEFGHJ' }),
      fc.constant<JourneyAction>({ type: 'carry-on' }),
      fc.constant<JourneyAction>({ type: 'start-again' }),
    );
    const answers = fc.record({ a: fc.constantFrom('yes', 'no'), e: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(answers, fc.array(action, { maxLength: 30 }), (given, actions) => {
        let state = initialJourney;
        for (const next of actions) {
          state = journey(state, { ...next, questionnaire: q, answers: given });
          if (state.page.kind === 'question') assert.ok(visibleQuestions(q, given).some((question) => question.id === state.question), `${state.question} is shown`);
          const steps = state.effects.filter((effect) => effect.type === 'step-change');
          assert.ok(steps.length <= 1);
          for (const step of steps) assert.equal(step.place, placeOf(state));
        }
      }),
    );
  });
});

describe('the journey in the browser’s history', () => {
  it('adds its place under its own key, keeping the host’s state, and nothing when the entry has it already', () => {
    assert.deepEqual(historyStateWith({ host: 'route-1' }, 'cls-self-assessment:x', 'a'), { host: 'route-1', 'cls-self-assessment:x': 'a' });
    assert.equal(historyStateWith({ host: 'route-1', 'cls-self-assessment:x': 'a' }, 'cls-self-assessment:x', 'a'), undefined);
    assert.deepEqual(historyStateWith(null, 'k', 'a'), { k: 'a' });
    assert.deepEqual(historyStateWith(['not', 'an', 'object'], 'k', 'a'), { k: 'a' });
    assert.deepEqual(historyStateWith('route', 'k', 'a'), { k: 'a' });
  });

  it('reads its place back, and nothing from another key or a state of another shape', () => {
    assert.equal(placeInHistory({ k: 'c', host: 1 }, 'k'), 'c');
    assert.equal(placeInHistory({ other: 'c' }, 'k'), undefined);
    assert.equal(placeInHistory({ k: 3 }, 'k'), undefined);
    assert.equal(placeInHistory(null, 'k'), undefined);
    assert.equal(placeInHistory('k', 'k'), undefined);
  });
});
