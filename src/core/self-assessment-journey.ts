import type { Answers, LocalisedQuestionnaire } from '../contract/questionnaire.ts';
import { CHECK_ANSWERS, START, firstQuestion, nextQuestion, previousQuestion, visibleQuestions } from './questionnaire.ts';

/**
 * The self-assessment's journey from page to page, as a pure reducer:
 * `journey(state, event)` gives the next state, and the effects the element
 * must perform for that step (a history entry to push or replace, focus on
 * the new page, a `cls-step-change`). DOM-free, so every rule of the journey
 * (Back, "Change" and the return to the check page, the browser's history,
 * resuming saved answers) is unit-tested without a browser.
 *
 * Loading the questionnaire is not part of it: the journey starts once a
 * questionnaire is there, on the start page.
 */

/** The page after the check answers page, as history, the device and `cls-step-change` name it. */
export const RESULT = 'result';
/** The page after the result page. */
export const SEND = 'send';

/**
 * Where the person is, by name: {@link START}, a question id,
 * {@link CHECK_ANSWERS}, {@link RESULT} or {@link SEND}. What history, saved
 * answers and `cls-step-change` record.
 */
export type Place = string;

export type JourneyPage =
  | { kind: 'start' }
  /** The question is {@link JourneyState.question}. */
  | { kind: 'question' }
  | { kind: 'check' }
  | { kind: 'result' }
  | { kind: 'send' }
  /** Saved on the server under `code`; "Carry on answering" goes back to {@link JourneyState.question}. */
  | { kind: 'saved'; code: string }
  /** Sent to the council; the end. */
  | { kind: 'sent'; reference: string };

/** What the element does for the step just taken, in this order. */
export type JourneyEffect =
  /** Record `place` in the browser's history (when the host opted in). */
  | { type: 'history'; mode: 'push' | 'replace'; place: Place }
  /** Move focus to the new page's heading (or its panel). */
  | { type: 'focus' }
  /** The person arrived at `place`: fire `cls-step-change` (and keep the answers). */
  | { type: 'step-change'; place: Place };

export interface JourneyState {
  readonly page: JourneyPage;
  /** The question shown, or the last one shown; {@link START} before the first. */
  readonly question: string;
  /** The question was reached by "Change" on the check page: Continue and Back go back there. */
  readonly returnToCheck: boolean;
  /** Questions shown on this visit (and answered in saved answers), so "Change" returns to the check page rather than asking them again. */
  readonly seen: readonly string[];
  /** What the element must do for the step that made this state; empty when nothing happened. */
  readonly effects: readonly JourneyEffect[];
}

/** What the person (or the element on their behalf) did. */
export type JourneyAction =
  /** The questionnaire is there and nothing is resumed: the start page, as the current history entry. */
  | { type: 'loaded' }
  /** "Start now", or Continue: a valid answer on a question page, the check page, the result page's "Send to the council". */
  | { type: 'continue' }
  | { type: 'back' }
  /** "Change" on the check answers page. */
  | { type: 'change'; question: string }
  /** Saved answers were restored (from the device or a resume code): go where they were saved, as the current history entry. */
  | { type: 'restore'; at: Place | undefined; answered: readonly string[]; focus: boolean }
  /** "Start again", or the host's timeout deleted the answers. */
  | { type: 'start-again' }
  | { type: 'saved'; code: string }
  /** "Carry on answering" after saving. */
  | { type: 'carry-on' }
  /** Sent to the council; `focus: false` when it is the answers kept on the device after sending, shown again on loading. */
  | { type: 'sent'; reference: string; focus?: boolean }
  /** The browser's Back or Forward reached an entry of this element's. */
  | { type: 'history'; place: Place }
  /** The council changed the questions: the answers were fitted to the new ones; check them. */
  | { type: 'questions-changed' };

/** What every step is worked out against: the questionnaire and the answers as they are now. */
export interface JourneyContext {
  questionnaire: LocalisedQuestionnaire;
  answers: Answers;
}

export type JourneyEvent = JourneyAction & JourneyContext;

export const initialJourney: JourneyState = { page: { kind: 'start' }, question: START, returnToCheck: false, seen: [], effects: [] };

/** Where the person is, by name; undefined on the saved and sent pages, which are not steps. */
export function placeOf(state: JourneyState): Place | undefined {
  switch (state.page.kind) {
    case 'start':
      return START;
    case 'question':
      return state.question;
    case 'check':
      return CHECK_ANSWERS;
    case 'result':
      return RESULT;
    case 'send':
      return SEND;
    default:
      return undefined;
  }
}

/** Where saved answers take the person back to: the page they are on, or after saving, the question they saved at. */
export function resumePlace(state: JourneyState): Place {
  return placeOf(state) ?? state.question;
}

export function journey(state: JourneyState, event: JourneyEvent): JourneyState {
  const { questionnaire: q, answers } = event;
  switch (event.type) {
    case 'loaded':
      return { ...state, page: { kind: 'start' }, effects: [{ type: 'history', mode: 'replace', place: START }] };
    case 'continue':
      return continueFrom(state, event);
    case 'back': {
      const to = backFrom(state, q, answers);
      return to === undefined ? still(state) : goTo({ ...state, returnToCheck: false }, to, event);
    }
    case 'change':
      return goTo({ ...state, returnToCheck: true }, event.question, event);
    case 'restore': {
      const seen = [...state.seen, ...event.answered.filter((id) => !state.seen.includes(id))];
      const at = event.at === undefined || event.at === START ? firstQuestion(q) : event.at;
      return goTo({ ...state, returnToCheck: false, seen }, at, event, { focus: event.focus, history: 'replace' });
    }
    case 'start-again':
      return goTo({ ...state, returnToCheck: false, seen: [] }, START, event);
    case 'saved':
      return { ...state, page: { kind: 'saved', code: event.code }, effects: [{ type: 'focus' }] };
    case 'carry-on':
      return state.page.kind === 'saved' ? goTo(state, state.question, event, { history: 'none' }) : still(state);
    case 'sent':
      return { ...state, page: { kind: 'sent', reference: event.reference }, effects: event.focus === false ? [] : [{ type: 'focus' }] };
    case 'history':
      // Once sent, the answers are the council's: history cannot take the person back into changing them (the sent page keeps the result).
      return state.page.kind === 'sent' ? still(state) : goTo({ ...state, returnToCheck: false }, event.place, event, { history: 'none' });
    case 'questions-changed':
      return goTo(state, CHECK_ANSWERS, event);
  }
}

function continueFrom(state: JourneyState, event: JourneyEvent): JourneyState {
  const { questionnaire: q, answers } = event;
  switch (state.page.kind) {
    case 'start':
      return goTo(state, firstQuestion(q), event);
    case 'question': {
      const next = nextQuestion(q, answers, state.question);
      // From "Change", back to the check page, unless the answer opened a question the person has
      // not been shown yet (an optional one they skipped was shown, so it does not count).
      if (state.returnToCheck && (next === CHECK_ANSWERS || state.seen.includes(next))) return goTo({ ...state, returnToCheck: false }, CHECK_ANSWERS, event);
      return goTo(state, next, event);
    }
    case 'check':
      return goTo(state, RESULT, event);
    case 'result':
      return goTo(state, SEND, event);
    default:
      return still(state);
  }
}

/** Where the back link goes; undefined on pages without one. */
function backFrom(state: JourneyState, q: LocalisedQuestionnaire, answers: Answers): Place | undefined {
  switch (state.page.kind) {
    case 'question':
      return state.returnToCheck ? CHECK_ANSWERS : previousQuestion(q, answers, state.question);
    case 'check':
      return previousQuestion(q, answers, CHECK_ANSWERS);
    case 'result':
      return CHECK_ANSWERS;
    case 'send':
      return RESULT;
    default:
      return undefined;
  }
}

/** Nothing happened. */
function still(state: JourneyState): JourneyState {
  return state.effects.length ? { ...state, effects: [] } : state;
}

/** The page `target` names, for these answers. */
function pageAt(target: Place, q: LocalisedQuestionnaire, answers: Answers): { page: JourneyPage; question?: string } {
  if (target === START) return { page: { kind: 'start' } };
  if (target === CHECK_ANSWERS) return { page: { kind: 'check' } };
  if (target === RESULT) return { page: { kind: 'result' } };
  if (target === SEND) return { page: { kind: 'send' } };
  // A question the answers now hide (history or saved answers can name one) gives way to the next one shown;
  // an unknown one, to the first.
  const question = q.questions.find((candidate) => candidate.id === target);
  const shown = question && visibleQuestions(q, answers).includes(question) ? question.id : nextQuestion(q, answers, question ? question.id : START);
  return shown === CHECK_ANSWERS ? { page: { kind: 'check' } } : { page: { kind: 'question' }, question: shown };
}

function goTo(state: JourneyState, target: Place, context: JourneyContext, how: { focus?: boolean; history?: 'push' | 'replace' | 'none' } = {}): JourneyState {
  const arrived = pageAt(target, context.questionnaire, context.answers);
  const question = arrived.question ?? state.question;
  const seen = arrived.question !== undefined && !state.seen.includes(arrived.question) ? [...state.seen, arrived.question] : state.seen;
  const next: JourneyState = { ...state, page: arrived.page, question, seen, effects: [] };
  const place = resumePlace(next);
  const effects: JourneyEffect[] = [];
  const history = how.history ?? 'push';
  if (history !== 'none') effects.push({ type: 'history', mode: history, place });
  if (how.focus !== false) effects.push({ type: 'focus' });
  effects.push({ type: 'step-change', place });
  return { ...next, effects };
}

// ---------------------------------------------------------------- browser history

/**
 * The `history.state` to record `place` under `key`, keeping the host's own
 * state (anything but a plain object is replaced); undefined when the entry
 * already holds `place`, so nothing needs recording.
 */
export function historyStateWith(current: unknown, key: string, place: Place): Record<string, unknown> | undefined {
  const base = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  return base[key] === place ? undefined : { ...base, [key]: place };
}

/** The place this element recorded under `key` in a history entry's state, if any. */
export function placeInHistory(state: unknown, key: string): Place | undefined {
  const place = state !== null && typeof state === 'object' ? (state as Record<string, unknown>)[key] : undefined;
  return typeof place === 'string' ? place : undefined;
}
