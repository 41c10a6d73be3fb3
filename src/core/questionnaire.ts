import type { AnswerValue, Answers, Condition, LocalisedQuestion, LocalisedQuestionnaire, NextStep, UrgentHelpPanel, WellbeingArea } from '../contract/questionnaire.ts';
import { characterCount } from './character-count.ts';
import type { FieldError, FieldErrorCode } from './field-errors.ts';
import { parsePostcode } from './geo.ts';

/**
 * The self-assessment engine: conditions, branching, one-question-per-page
 * navigation, validation, urgent answers, the outcome and draft
 * reconciliation, over a {@link LocalisedQuestionnaire}. DOM-free, so the
 * element and the server agree on every rule.
 *
 * One rule runs through all of it: an answer only counts while its question
 * is visible. A question's `showIf` is evaluated against the answers of the
 * *earlier* visible questions, so changing an answer that hides a later
 * question also stops that question's answer from steering anything (its
 * own followers, urgent help, the outcome, what is sent). The answer is kept
 * in the draft, though, so going back and changing one's mind restores it.
 * A `showIf` that names a later (or unknown) question sees it as unanswered:
 * that keeps visibility well defined, with no cycles.
 *
 * It never decides eligibility: the outcome says what might help and
 * suggests a conversation, nothing more.
 */

/** The page after the last question. */
export const CHECK_ANSWERS = 'check-answers';
/** The page before the first question. */
export const START = 'start';

type ChoiceQuestion = Extract<LocalisedQuestion, { type: 'single' | 'multiple' }>;
type Option = ChoiceQuestion['options'][number];
type DateValue = Extract<AnswerValue, { day: number }>;

/** Own properties only: a question may well be called `constructor`. */
function own(answers: Answers, key: string): AnswerValue | undefined {
  return answers !== null && typeof answers === 'object' && Object.hasOwn(answers, key) ? answers[key] : undefined;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** A number, or a string a person would read as one (`' 12 '`, `'1,250'`). */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  // Thousands separators only: '1,5' is not a number here rather than a guess.
  const text = value.trim().replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined;
}

function isDateValue(value: unknown): value is DateValue {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'day' in value && 'month' in value && 'year' in value;
}

// ---------------------------------------------------------------- conditions

/**
 * What `atLeast`/`atMost` compare: a number answer's value, or how many
 * options a multiple-choice answer chose ("at least 3 difficulties").
 * Only called for non-empty answers, so a count is never 0.
 */
function measure(value: AnswerValue | undefined): number | undefined {
  return Array.isArray(value) ? value.length : toNumber(value);
}

function matches(condition: Condition, answers: Answers, depth: number): boolean {
  // A definition is JSON from a council; a self-referencing object or silly
  // nesting must not take the page down.
  if (depth > 64 || condition === null || typeof condition !== 'object') return false;
  if ('all' in condition) return Array.isArray(condition.all) && condition.all.every((c) => matches(c, answers, depth + 1));
  if ('any' in condition) return Array.isArray(condition.any) && condition.any.some((c) => matches(c, answers, depth + 1));
  if ('not' in condition) return !matches(condition.not, answers, depth + 1);
  if (typeof condition.question !== 'string') return false;
  const value = own(answers, condition.question);
  if ('answered' in condition) return !isEmpty(value) === (condition.answered === true);
  if (isEmpty(value)) return false;
  if ('equals' in condition) {
    const expected = condition.equals;
    // A multiple-choice answer "equals" an option only when it is the only one chosen.
    const single = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
    if (typeof expected === 'number') return toNumber(single) === expected;
    return single === expected || (typeof single === 'number' && String(single) === expected);
  }
  if ('includes' in condition) return Array.isArray(value) ? value.includes(condition.includes) : value === condition.includes;
  if ('atLeast' in condition) {
    const n = measure(value);
    return n !== undefined && n >= condition.atLeast;
  }
  if ('atMost' in condition) {
    const n = measure(value);
    return n !== undefined && n <= condition.atMost;
  }
  return false;
}

/**
 * Whether `condition` holds for `answers`. A question with no answer (or an
 * empty one, or one not in `answers` at all) is unanswered, so only
 * `answered: false` and `not` can hold for it. `atLeast`/`atMost` compare a
 * number (or a string read as one) with the bound, and a multiple-choice
 * answer by the number of options chosen; so `atMost: 0` never holds.
 * Never throws, whatever it is given.
 */
export function evaluate(condition: Condition, answers: Answers): boolean {
  try {
    return matches(condition, answers, 0);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- visibility

/** The options a value chooses, in the question's order. */
function chosenOptions(question: LocalisedQuestion, value: AnswerValue | undefined): Option[] {
  if (question.type !== 'single' && question.type !== 'multiple') return [];
  const chosen = Array.isArray(value) ? value : [value];
  return question.options.filter((option) => chosen.includes(option.value));
}

function followUpKey(question: LocalisedQuestion, option: Option): string {
  return `${question.id}.${option.value}`;
}

interface Resolved {
  visible: LocalisedQuestion[];
  /** Answers of visible questions only, with their chosen options' follow-ups. */
  answers: Answers;
}

function resolve(q: LocalisedQuestionnaire, answers: Answers): Resolved {
  const visible: LocalisedQuestion[] = [];
  const counted: Answers = {};
  for (const question of q.questions) {
    if (question.showIf !== undefined && !evaluate(question.showIf, counted)) continue;
    visible.push(question);
    if (question.type === 'info') continue;
    const value = own(answers, question.id);
    if (value === undefined || isEmpty(value)) continue;
    counted[question.id] = value;
    for (const option of chosenOptions(question, value)) {
      if (option.followUp === undefined) continue;
      const key = followUpKey(question, option);
      const detail = own(answers, key);
      if (typeof detail === 'string' && detail.trim() !== '') counted[key] = detail;
    }
  }
  return { visible, answers: counted };
}

/** The questions (and information pages) shown for these answers, in order. */
export function visibleQuestions(q: LocalisedQuestionnaire, answers: Answers): LocalisedQuestion[] {
  return resolve(q, answers).visible;
}

/**
 * What is sent to the council: the answers of visible questions, and the
 * follow-up boxes of the options chosen there. Empty answers are left out.
 */
export function answersForSubmission(q: LocalisedQuestionnaire, answers: Answers): Answers {
  return resolve(q, answers).answers;
}

// ---------------------------------------------------------------- voice

/**
 * Whether the person is answering for someone else: the definition's
 * `thirdPerson` condition, over the visible answers. A definition without
 * one always speaks to the person themselves.
 */
export function isThirdPerson(q: LocalisedQuestionnaire, answers: Answers): boolean {
  return q.thirdPerson !== undefined && evaluate(q.thirdPerson, resolve(q, answers).answers);
}

/** An item with its `other` wording put in place of its own, field by field (its own `errors` merged with the other's). */
function inOtherWords<T extends { other?: object | undefined }>(item: T): T {
  const other = item.other as (Record<string, unknown> & { errors?: object }) | undefined;
  if (other === undefined) return item;
  const out: Record<string, unknown> = { ...item };
  for (const [key, value] of Object.entries(other)) if (value !== undefined && key !== 'errors') out[key] = value;
  if (other.errors !== undefined) out['errors'] = { ...(item as { errors?: object }).errors, ...other.errors };
  return out as T;
}

/**
 * The questionnaire as this person should read it: when they are answering
 * for someone else ({@link isThirdPerson}), every text that has an `other`
 * (third-person) wording uses it — questions, hints, options, follow-up
 * boxes, error messages, information pages, the consent text, the urgent-help
 * panels, the result's areas and next steps. Otherwise `q` itself. This is
 * the one place the choice is made: the element renders what it returns and
 * {@link outcome} reads it.
 */
export function voiced(q: LocalisedQuestionnaire, answers: Answers): LocalisedQuestionnaire {
  if (!isThirdPerson(q, answers)) return q;
  return {
    ...q,
    consent: q.other?.consent ?? q.consent,
    questions: q.questions.map((question) => {
      const spoken = inOtherWords(question);
      if (spoken.type !== 'single' && spoken.type !== 'multiple') return spoken;
      return {
        ...spoken,
        options: spoken.options.map((option) => {
          const worded = inOtherWords(option);
          return worded.followUp === undefined ? worded : { ...worded, followUp: inOtherWords(worded.followUp) };
        }),
      };
    }),
    urgentHelp: q.urgentHelp.map((panel) => inOtherWords(panel)),
    outcomes: {
      ...q.outcomes,
      areas: q.outcomes.areas.map((area) => inOtherWords(area)),
      nextSteps: q.outcomes.nextSteps.map((step) => inOtherWords(step)),
    },
  };
}

/**
 * The question's own message for an error in its answer (not its follow-up
 * boxes), with `{{max}}` filled in; undefined when the definition gives
 * none, so the element's general message for the code is used. Pass the
 * question as {@link voiced} gives it, so the message is in the right person.
 */
export function questionErrorMessage(question: LocalisedQuestion, field: string, code: FieldErrorCode, max?: string): string | undefined {
  if (field !== question.id) return undefined;
  const messages: Partial<Record<FieldErrorCode, string>> = question.errors ?? {};
  const message = messages[code];
  return message === undefined ? undefined : message.replaceAll('{{max}}', max ?? '');
}

/**
 * Where a link to another questionnaire goes: the page's own URL for it
 * (`questionnaireUrls` in the page configuration), else this page with
 * `?q=<id>`, which the demo page reads.
 */
export function questionnaireHref(id: string, urls: Readonly<Record<string, string>> | undefined): string {
  const configured = urls !== undefined && Object.hasOwn(urls, id) ? urls[id] : undefined;
  return configured ?? `?q=${encodeURIComponent(id)}`;
}

// ---------------------------------------------------------------- navigation

/** Where `id` sits in the definition; the two page names sit before and after every question. */
function position(q: LocalisedQuestionnaire, id: string): number {
  const at = q.questions.findIndex((question) => question.id === id);
  if (at >= 0) return at;
  return id === CHECK_ANSWERS ? q.questions.length : -1;
}

/**
 * The first page after the start page, or {@link CHECK_ANSWERS} if every
 * question is hidden. Only a question's earlier answers decide whether it
 * shows, so the first page never depends on answers.
 */
export function firstQuestion(q: LocalisedQuestionnaire): string {
  return nextQuestion(q, {}, START);
}

/**
 * The page after `currentId` ({@link CHECK_ANSWERS} after the last), worked
 * out from the current answers, so changing an answer re-routes. Always a
 * question later in the definition, so a walk cannot loop. An unknown id
 * (or {@link START}) gives the first page.
 */
export function nextQuestion(q: LocalisedQuestionnaire, answers: Answers, currentId: string): string {
  const from = position(q, currentId);
  const { visible } = resolve(q, answers);
  const next = visible.find((question) => q.questions.indexOf(question) > from);
  return next?.id ?? CHECK_ANSWERS;
}

/**
 * The page the back link goes to: the visible question before `currentId`,
 * or {@link START}. From {@link CHECK_ANSWERS} it is the last visible
 * question.
 */
export function previousQuestion(q: LocalisedQuestionnaire, answers: Answers, currentId: string): string {
  const before = position(q, currentId);
  const { visible } = resolve(q, answers);
  const previous = visible.findLast((question) => q.questions.indexOf(question) < before);
  return previous?.id ?? START;
}

/**
 * For "Question 4 of about 9": `total` counts the visible questions that ask
 * something (information pages do not), for the current answers, so it can
 * change as answers change. On an information page `index` is the number
 * of the next question. An unknown page gives index 0.
 */
export function progress(q: LocalisedQuestionnaire, answers: Answers, currentId: string): { index: number; total: number } {
  const asked = resolve(q, answers).visible.filter((question) => question.type !== 'info');
  const total = asked.length;
  const at = q.questions.findIndex((question) => question.id === currentId);
  if (at < 0) return { index: 0, total };
  const before = asked.filter((question) => q.questions.indexOf(question) < at).length;
  return { index: Math.min(total, before + 1), total };
}

// ---------------------------------------------------------------- validation

/** The person's "today", as a comparable number (yyyymmdd). */
function dayNumber(year: number, month: number, day: number): number {
  return year * 10_000 + month * 100 + day;
}

function isRealDate(value: DateValue): boolean {
  const { day, month, year } = value;
  if (![day, month, year].every(Number.isInteger)) return false;
  // Four-digit years, as the GOV.UK date input asks for.
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkValue(question: LocalisedQuestion, value: AnswerValue, now: Date): FieldErrorCode | undefined {
  switch (question.type) {
    case 'info':
      return undefined;
    case 'single':
      return typeof value === 'string' && question.options.some((option) => option.value === value) ? undefined : 'invalid';
    case 'multiple': {
      if (!Array.isArray(value) || new Set(value).size !== value.length) return 'invalid';
      const chosen = chosenOptions(question, value);
      if (chosen.length !== value.length) return 'invalid';
      // "None of these" with something else is a contradiction, not a choice.
      return chosen.length > 1 && chosen.some((option) => option.exclusive === true) ? 'invalid' : undefined;
    }
    case 'text':
    case 'long-text':
      if (typeof value !== 'string') return 'invalid';
      return characterCount(value, question.maxLength).over ? 'too-long' : undefined;
    case 'number': {
      const n = toNumber(value);
      if (n === undefined || (question.integer && !Number.isInteger(n))) return 'invalid';
      if (question.min !== undefined && n < question.min) return 'too-small';
      if (question.max !== undefined && n > question.max) return 'too-big';
      return undefined;
    }
    case 'date': {
      if (!isDateValue(value) || !isRealDate(value)) return 'invalid';
      // A future date breaks the upper bound, hence too-big; "today" is the person's local day.
      const today = dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
      return question.notInFuture === true && dayNumber(value.year, value.month, value.day) > today ? 'too-big' : undefined;
    }
    case 'postcode':
      return typeof value === 'string' && parsePostcode(value).kind === 'postcode' ? undefined : 'invalid';
    case 'scale': {
      const n = toNumber(value);
      return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 5 ? undefined : 'invalid';
    }
  }
}

/**
 * The error for one answer, or undefined if it is acceptable. An empty
 * answer is `required` unless the question is optional; information pages
 * never have an error. `now` decides what "in the future" means.
 */
export function validateAnswer(question: LocalisedQuestion, value: AnswerValue | undefined, now: Date = new Date()): { code: FieldErrorCode } | undefined {
  try {
    if (question.type === 'info') return undefined;
    if (value === undefined || isEmpty(value)) return question.optional === true ? undefined : { code: 'required' };
    const code = checkValue(question, value, now);
    return code === undefined ? undefined : { code };
  } catch {
    return { code: 'invalid' };
  }
}

/**
 * Errors in the follow-up boxes (`<question>.<option>`) of the options
 * chosen in `answers`. They are always optional; only their length is
 * checked, and the boxes of options not chosen are ignored.
 */
export function validateFollowUps(question: LocalisedQuestion, answers: Answers): FieldError[] {
  const errors: FieldError[] = [];
  for (const option of chosenOptions(question, own(answers, question.id))) {
    if (option.followUp === undefined) continue;
    const field = followUpKey(question, option);
    const detail = own(answers, field);
    if (detail === undefined || isEmpty(detail)) continue;
    if (typeof detail !== 'string') errors.push({ field, code: 'invalid' });
    else if (characterCount(detail, option.followUp.maxLength).over) errors.push({ field, code: 'too-long' });
  }
  return errors;
}

/** Every error on one question's page (the answer, then its follow-up boxes), for the error summary. */
export function validatePage(question: LocalisedQuestion, answers: Answers, now: Date = new Date()): FieldError[] {
  const main = validateAnswer(question, own(answers, question.id), now);
  return [...(main === undefined ? [] : [{ field: question.id, code: main.code }]), ...validateFollowUps(question, answers)];
}

/**
 * Every error in a whole set of answers as sent to the council, in question
 * order: each visible question's page (a required question unanswered, a
 * value that does not fit, a follow-up box too long), then each key that
 * names nothing the person could have answered (no such question, an
 * information page, or an option without a follow-up box), as `invalid`.
 *
 * Answers to questions hidden by branching, and boxes of options not chosen,
 * are ignored rather than reported: the person may have answered before
 * changing their mind, and {@link answersForSubmission} leaves them out of
 * what is kept anyway. `now` decides what "in the future" means.
 */
export function validateSubmission(q: LocalisedQuestionnaire, answers: Answers, now: Date = new Date()): FieldError[] {
  const errors = resolve(q, answers).visible.flatMap((question) => validatePage(question, answers, now));
  const known = new Set<string>();
  for (const question of q.questions) {
    if (question.type === 'info') continue;
    known.add(question.id);
    if (question.type !== 'single' && question.type !== 'multiple') continue;
    for (const option of question.options) if (option.followUp !== undefined) known.add(followUpKey(question, option));
  }
  const reported = new Set(errors.map((error) => error.field));
  for (const key of answers !== null && typeof answers === 'object' ? Object.keys(answers) : []) {
    if (!known.has(key) && !reported.has(key)) errors.push({ field: key, code: 'invalid' });
  }
  return errors;
}

// ---------------------------------------------------------------- normalising

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One box of a date input: blank, a number, or (for the month) a name like "Feb" or "February". */
function datePart(raw: unknown, month = false): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const text = raw.trim().toLowerCase();
  if (/^\d+$/.test(text)) return Number(text);
  if (month && text.length >= 3) {
    const at = MONTHS.findIndex((name) => text.startsWith(name));
    if (at >= 0) return at + 1;
  }
  return Number.NaN;
}

function normaliseDate(raw: unknown): AnswerValue | undefined {
  if (typeof raw === 'string') {
    // What <input type="date"> gives.
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
    return iso === null ? undefined : { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  }
  if (raw === null || typeof raw !== 'object') return undefined;
  const parts = raw as Record<string, unknown>;
  const day = datePart(parts['day']);
  const month = datePart(parts['month'], true);
  const year = datePart(parts['year']);
  if (day === undefined && month === undefined && year === undefined) return undefined;
  // A half-filled date is kept as NaN parts so validation calls it invalid, not missing.
  return { day: day ?? Number.NaN, month: month ?? Number.NaN, year: year ?? Number.NaN };
}

/**
 * What to store for what a person entered: trimmed text, numbers from
 * number strings, a normalised postcode, choices in the question's order
 * with an exclusive ("None of these") option clearing the others, a
 * {@link DateValue} from the three boxes. Blank gives undefined. Values it
 * cannot make sense of are kept as entered, for validation to report.
 */
export function normaliseAnswer(question: LocalisedQuestion, raw: unknown): AnswerValue | undefined {
  if (raw === undefined || raw === null) return undefined;
  switch (question.type) {
    case 'info':
      return undefined;
    case 'single':
    case 'text':
    case 'long-text':
      return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
    case 'multiple': {
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
      if (values.length === 0) return undefined;
      const chosen = chosenOptions(question, values);
      const exclusive = chosen.find((option) => option.exclusive === true);
      if (exclusive !== undefined) return [exclusive.value];
      const unknown = [...new Set(values.filter((v) => !question.options.some((option) => option.value === v)))];
      return [...chosen.map((option) => option.value), ...unknown];
    }
    case 'number':
    case 'scale': {
      if (typeof raw === 'string' && raw.trim() === '') return undefined;
      const n = toNumber(raw);
      if (n !== undefined) return n;
      return typeof raw === 'string' ? raw.trim() : undefined;
    }
    case 'date':
      return normaliseDate(raw);
    case 'postcode': {
      if (typeof raw !== 'string' || raw.trim() === '') return undefined;
      const parsed = parsePostcode(raw);
      return parsed.kind === 'postcode' ? parsed.postcode : raw.trim();
    }
  }
}

// ---------------------------------------------------------------- urgent help

/** The visible questions' chosen options marked `urgent`, in question order. */
export function urgentAnswers(q: LocalisedQuestionnaire, answers: Answers): Array<{ question: string; option: string }> {
  const { visible, answers: counted } = resolve(q, answers);
  return visible.flatMap((question) =>
    chosenOptions(question, own(counted, question.id))
      .filter((option) => option.urgent === true)
      .map((option) => ({ question: question.id, option: option.value })),
  );
}

/** Whether the urgent-help panel (999, out-of-hours, Samaritans) must show now. */
export function isUrgent(q: LocalisedQuestionnaire, answers: Answers): boolean {
  return urgentAnswers(q, answers).length > 0;
}

/**
 * The urgent-help panels the urgent answers call for, each once, in the
 * person's voice ({@link voiced}): an urgent option's `help` panel, or the
 * definition's first panel for an option that names none. Danger to life
 * comes first: a panel that calls 999 goes before one that does not.
 * Empty when nothing is urgent or the definition has no panels.
 */
export function urgentPanels(q: LocalisedQuestionnaire, answers: Answers): UrgentHelpPanel[] {
  const spoken = voiced(q, answers);
  const byId = new Map(spoken.urgentHelp.map((panel) => [panel.id, panel]));
  const optionsOf = new Map(q.questions.map((question) => [question.id, question.type === 'single' || question.type === 'multiple' ? question.options : []]));
  const ids: string[] = [];
  for (const { question, option } of urgentAnswers(q, answers)) {
    const id = optionsOf.get(question)?.find((candidate) => candidate.value === option)?.help ?? spoken.urgentHelp[0]?.id;
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  const panels = ids.map((id) => byId.get(id)).filter((panel): panel is UrgentHelpPanel => panel !== undefined);
  const lifeFirst = (panel: UrgentHelpPanel) => (panel.contacts[0] === 'emergency' ? 0 : 1);
  return panels.sort((a, b) => lifeFirst(a) - lifeFirst(b));
}

// ---------------------------------------------------------------- outcome

/** A wellbeing area the answers suggest is hard, with terms to find community options. */
export interface OutcomeArea {
  area: WellbeingArea;
  label: string;
  searchTerms: string[];
  /** What the person wrote in the "tell us more" box of the option that made this area hard, if they did. */
  detail?: string;
}

/** Something the person told us about their strengths or people, in their words. */
export interface Strength {
  question: string;
  title: string;
  answer: string;
}

/** The suggested next step. */
export interface SuggestedStep {
  step: NextStep;
  title: string;
  body: string;
}

/** What the result page shows. Deliberately no eligibility field: the tool never decides that. */
export interface Outcome {
  /** Answered for someone else: the result's own headings read "Their strengths", and the texts here are already in the third person. */
  thirdPerson: boolean;
  /** The urgent-help panels the answers call for ({@link urgentPanels}); their search terms lead the community options. */
  urgentHelp: UrgentHelpPanel[];
  /** What matters to the person and what they would like to be different, in their words: the result leads with these. */
  words: Strength[];
  areas: OutcomeArea[];
  strengths: Strength[];
  nextStep: SuggestedStep;
  /** The matched areas' terms, each once, in order. */
  searchTerms: string[];
}

/**
 * The result page, from visible answers only: the areas whose `when`
 * holds; the strengths questions' text answers (empty ones skipped); and
 * the next step — the `urgent` one if any answer is urgent and the
 * definition has one, otherwise the first step whose `when` holds, otherwise
 * the first without `when` (an `urgent` step is never the everyday default).
 */
export function outcome(definition: LocalisedQuestionnaire, answers: Answers): Outcome {
  // In the person's voice: titles, labels and steps read "them" when answering for someone else.
  const q = voiced(definition, answers);
  const { visible, answers: counted } = resolve(q, answers);
  const areas = q.outcomes.areas
    .filter((area) => evaluate(area.when, counted))
    .map(({ area, label, searchTerms, when }): OutcomeArea => {
      // The "tell us more" box of the option that made the area hard, when the area is that one option.
      const key = 'includes' in when ? `${when.question}.${when.includes}` : undefined;
      const detail = key === undefined ? undefined : own(counted, key);
      return { area, label, searchTerms: [...searchTerms], ...(typeof detail === 'string' && detail.trim() ? { detail: detail.trim() } : {}) };
    });

  const inWords = (ids: readonly string[]): Strength[] => {
    const out: Strength[] = [];
    for (const id of new Set(ids)) {
      const question = visible.find((candidate) => candidate.id === id);
      const value = own(counted, id);
      if (question === undefined || (question.type !== 'text' && question.type !== 'long-text')) continue;
      if (typeof value === 'string' && value.trim() !== '') out.push({ question: id, title: question.title, answer: value.trim() });
    }
    return out;
  };
  const words = inWords(q.outcomes.words);
  const strengths = inWords(q.outcomes.strengths.filter((id) => !q.outcomes.words.includes(id)));

  const steps = q.outcomes.nextSteps;
  const chosen =
    (isUrgent(q, answers) ? steps.find((s) => s.step === 'urgent') : undefined) ??
    steps.find((s) => s.when !== undefined && evaluate(s.when, counted)) ??
    steps.find((s) => s.when === undefined && s.step !== 'urgent') ??
    steps.find((s) => s.when === undefined) ??
    // The contract guarantees at least one step; a definition without a default still gets one.
    steps[0];
  const nextStep: SuggestedStep = chosen === undefined ? { step: 'hub-conversation', title: '', body: '' } : { step: chosen.step, title: chosen.title, body: chosen.body };

  const urgentHelp = urgentPanels(definition, answers);
  return {
    thirdPerson: isThirdPerson(definition, answers),
    urgentHelp,
    words,
    areas,
    strengths,
    nextStep,
    searchTerms: [...new Set([...urgentHelp.flatMap((panel) => panel.searchTerms), ...areas.flatMap((area) => area.searchTerms)])],
  };
}

/** The answer to the first postcode question shown, if any (community options are found near it). */
export function postcodeAnswer(q: LocalisedQuestionnaire, answers: Answers): string | undefined {
  const { visible, answers: counted } = resolve(q, answers);
  const question = visible.find((candidate) => candidate.type === 'postcode' && typeof own(counted, candidate.id) === 'string');
  return question ? String(own(counted, question.id)) : undefined;
}

// ---------------------------------------------------------------- drafts

/** The answers with one changed; an empty value (nothing typed, nothing ticked) removes the answer rather than keeping a blank. */
export function withAnswer(answers: Answers, key: string, value: AnswerValue | undefined): Answers {
  const empty = value === undefined || value === '' || (Array.isArray(value) && !value.length);
  const next: Answers = Object.fromEntries(Object.entries(answers).filter(([other]) => other !== key));
  if (!empty) next[key] = value;
  return next;
}

/**
 * A saved draft against the definition as it is now. Same version: kept as
 * is. Another version: an answer is kept only if its question still exists
 * and the value still fits it (same shape, options still there, within
 * limits); a follow-up only if its option is still chosen and still has the
 * box. `dropped` lists the question ids whose answers (or follow-ups) were
 * not kept, each once, so the element can tell the person. Empty answers
 * are dropped without mention: nothing was lost.
 *
 * The draft does not record the old question types, so a change that the
 * value still fits (single choice → text, say) keeps the answer.
 */
export function reconcile(q: LocalisedQuestionnaire, saved: { version: number; answers: Answers }, now: Date = new Date()): { answers: Answers; dropped: string[] } {
  if (saved.version === q.version) return { answers: { ...saved.answers }, dropped: [] };
  const answers: Answers = {};
  const dropped = new Set<string>();
  const byId = new Map(q.questions.map((question) => [question.id, question]));
  const entries = Object.entries(saved.answers);

  for (const [key, value] of entries) {
    if (key.includes('.') || isEmpty(value)) continue;
    const question = byId.get(key);
    if (question !== undefined && question.type !== 'info' && validateAnswer(question, value, now) === undefined) answers[key] = value;
    else dropped.add(key);
  }

  for (const [key, value] of entries) {
    const dot = key.indexOf('.');
    if (dot < 0 || isEmpty(value)) continue;
    const parent = key.slice(0, dot);
    const question = byId.get(parent);
    const option = question === undefined ? undefined : chosenOptions(question, own(answers, parent)).find((o) => `${parent}.${o.value}` === key);
    if (option?.followUp !== undefined && typeof value === 'string' && !characterCount(value, option.followUp.maxLength).over) {
      answers[key] = value;
      continue;
    }
    // A box left over from an option the person had already unticked is no loss to mention.
    const old = own(saved.answers, parent);
    const choice = key.slice(dot + 1);
    if (Array.isArray(old) ? old.includes(choice) : old === choice) dropped.add(parent);
  }
  return { answers, dropped: [...dropped] };
}
