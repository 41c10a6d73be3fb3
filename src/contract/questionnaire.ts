import * as z from 'zod/mini';
import { LanguageSchema } from './language.ts';
import { INT32_MAX } from './text.ts';

/**
 * Questionnaire definitions: content is configuration, not code. A council
 * adds one by dropping a JSON file in the server's questionnaires folder.
 *
 * Every string a resident reads is a `LocalText` ({ en, cy, … }) in the
 * source definition; `GET /api/v1/questionnaires/:id?lang=` answers with the
 * same shape where each of those is a plain string in the asked language
 * (falling back to English per string, the fallbacks listed). One schema
 * factory builds both, so the two can never drift apart.
 */

const Id = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,62}$/));

/** `{ "en": "…", "cy": "…" }`: English required, other languages optional. */
export const LocalText = z.catchall(z.object({ en: z.string().check(z.minLength(1)) }), z.string());
export type LocalText = z.infer<typeof LocalText>;

/**
 * When a question shows, or an outcome applies, from earlier answers.
 *
 * - `equals`: the answer is this value; a multiple-choice answer only when it is the one option chosen.
 * - `includes`: the option is among those chosen (or is the single choice).
 * - `answered`: the question has (or has not) a non-empty answer.
 * - `atLeast` / `atMost`: a number or scale answer compared with the bound;
 *   for a multiple-choice answer, the NUMBER of options chosen ("at least 3
 *   difficulties ticked").
 *
 * An unanswered question satisfies nothing but `answered: false` (and a
 * `not`), so `atMost: 0` never holds: test `answered: false` for "none".
 */
export type Condition =
  | { question: string; equals: string | number }
  | { question: string; includes: string }
  | { question: string; answered: boolean }
  | { question: string; atLeast: number }
  | { question: string; atMost: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: z.ZodMiniType<Condition> = z.union([
  z.object({ question: Id, equals: z.union([z.string(), z.number()]) }),
  z.object({ question: Id, includes: z.string() }),
  z.object({ question: Id, answered: z.boolean() }),
  z.object({ question: Id, atLeast: z.number() }),
  z.object({ question: Id, atMost: z.number() }),
  z.object({
    get all() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.object({
    get any() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.object({
    get not() {
      return Condition;
    },
  }),
]);

/** The Care Act 2014 wellbeing outcomes and carers' outcomes the result speaks of, in plain words. */
export const WellbeingArea = z.enum([
  'nutrition',
  'personal-care',
  'toilet-needs',
  'dressing',
  'safety-at-home',
  'habitable-home',
  'relationships',
  'work-learning-volunteering',
  'community-and-transport',
  'caring-for-a-child',
  'caring-for-an-adult',
  'carer-health',
  'recreation',
  'money',
  'mental-wellbeing',
]);
export type WellbeingArea = z.infer<typeof WellbeingArea>;

/** `young-carer`: someone under 18 who looks after someone, pointed to young carers' help. */
export const NextStep = z.enum(['urgent', 'young-carer', 'call-back', 'hub-conversation', 'community', 'self-serve']);
export type NextStep = z.infer<typeof NextStep>;

/**
 * Who can be called from an urgent-help panel. `emergency` (999) and
 * `samaritans` (116 123) are fixed; the others are the council's numbers
 * from the page configuration (`src/contract/config.ts`), left out when
 * the page does not give them.
 */
export const UrgentContact = z.enum(['emergency', 'samaritans', 'out-of-hours', 'council', 'adult-social-care', 'safeguarding']);
export type UrgentContact = z.infer<typeof UrgentContact>;

/** The codes a question's own error messages may be given for (see `FieldErrorCode`). */
const ERROR_CODES = ['required', 'invalid', 'too-long', 'too-big', 'too-small'] as const;

function schemas<T extends z.ZodMiniType>(text: T) {
  /**
   * A question's own error messages, GOV.UK style ("Select if you are answering
   * for yourself or someone else"), by error code; a code without one gets the
   * element's general message.
   */
  const Errors = z.object(Object.fromEntries(ERROR_CODES.map((code) => [code, z.optional(text)])) as Record<(typeof ERROR_CODES)[number], z.ZodMiniOptional<T>>);

  const Option = z.object({
    value: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/)),
    label: text,
    hint: z.optional(text),
    /** Choosing this shows the urgent-help panel at once. */
    urgent: z.optional(z.boolean()),
    /** Which of the definition's `urgentHelp` panels an urgent option shows (the first panel when not named). */
    help: z.optional(Id),
    /** "None of these": clears the other choices of a multiple-choice question. */
    exclusive: z.optional(z.boolean()),
    /** A "tell us more" box shown when this option is chosen; its answer is stored as `<question>.<value>`. */
    followUp: z.optional(
      z.object({
        label: text,
        hint: z.optional(text),
        maxLength: z._default(z.int().check(z.gte(1), z.lte(2000)), 500),
        other: z.optional(z.object({ label: z.optional(text), hint: z.optional(text) })),
      }),
    ),
    /** The third-person wording, used when the definition's `thirdPerson` holds (see `voiced` in src/core/questionnaire.ts). */
    other: z.optional(z.object({ label: z.optional(text), hint: z.optional(text) })),
  });

  const common = {
    id: Id,
    /** The question (or the heading of an information page). */
    title: text,
    hint: z.optional(text),
    optional: z.optional(z.boolean()),
    showIf: z.optional(Condition),
    errors: z.optional(Errors),
    /**
     * The third-person wording of this question's texts ("What does a good day look like for them?"),
     * used instead when the definition's `thirdPerson` holds. A text without one reads the same either way.
     */
    other: z.optional(
      z.object({
        title: z.optional(text),
        hint: z.optional(text),
        errors: z.optional(Errors),
        body: z.optional(z.array(text)),
        minLabel: z.optional(text),
        maxLabel: z.optional(text),
        suffix: z.optional(text),
      }),
    ),
  };

  const Question = z.discriminatedUnion('type', [
    z.object({ ...common, type: z.literal('single'), options: z.array(Option).check(z.minLength(2)) }),
    z.object({ ...common, type: z.literal('multiple'), options: z.array(Option).check(z.minLength(2)) }),
    z.object({ ...common, type: z.literal('text'), maxLength: z._default(z.int().check(z.gte(1), z.lte(500)), 200), autocomplete: z.optional(z.string()) }),
    z.object({ ...common, type: z.literal('long-text'), maxLength: z._default(z.int().check(z.gte(1), z.lte(5000)), 1000) }),
    z.object({ ...common, type: z.literal('number'), min: z.optional(z.number()), max: z.optional(z.number()), integer: z._default(z.boolean(), true), suffix: z.optional(text) }),
    z.object({ ...common, type: z.literal('date'), notInFuture: z.optional(z.boolean()) }),
    z.object({ ...common, type: z.literal('postcode') }),
    z.object({ ...common, type: z.literal('scale'), minLabel: text, maxLabel: text }),
    z.object({
      ...common,
      type: z.literal('info'),
      body: z.array(text).check(z.minLength(1)),
      /** A link to another questionnaire (e.g. the carers' one); where it points comes from the page (see `questionnaireHref`). */
      link: z.optional(z.object({ questionnaire: Id, label: text })),
    }),
  ]);

  const Questionnaire = z.object({
    id: Id,
    /** Bumped when questions change; saved answers from another version are reconciled. */
    version: z.int().check(z.gte(1)),
    title: text,
    /** The start page: what this is, how long it takes, what happens to the answers. */
    intro: z.array(text).check(z.minLength(1)),
    minutes: z.int().check(z.gte(1), z.lte(120)),
    /** Who receives a sent assessment, why, and for how long: the consent text. */
    consent: text,
    /**
     * When the person is answering for someone else (e.g. `answering-for` equals `someone-else`): every
     * text with an `other` wording then reads in the third person, the result's headings too.
     */
    thirdPerson: z.optional(Condition),
    /** The consent text for someone speaking for another person (used when `thirdPerson` holds). */
    other: z.optional(z.object({ consent: z.optional(text) })),
    questions: z.array(Question).check(z.minLength(1)),
    /**
     * What each kind of urgent answer needs: a panel with who to call (in order) and,
     * from the directory, services to search for (a food bank, energy advice).
     */
    urgentHelp: z._default(
      z.array(
        z.object({
          id: Id,
          title: text,
          body: z.array(text).check(z.minLength(1)),
          contacts: z.array(UrgentContact).check(z.minLength(1)),
          /** Taxonomy terms to find services for in the directory, listed first among the community options. */
          searchTerms: z._default(z.array(z.string()), []),
          /** Why those services are listed, e.g. "Having food and heating". */
          label: z.optional(text),
          other: z.optional(z.object({ title: z.optional(text), body: z.optional(z.array(text)), label: z.optional(text) })),
        }),
      ),
      [],
    ),
    outcomes: z.object({
      /** Areas reported as hard when their condition holds, with taxonomy terms to find community options. */
      areas: z.array(
        z.object({ area: WellbeingArea, label: text, when: Condition, searchTerms: z._default(z.array(z.string()), []), other: z.optional(z.object({ label: z.optional(text) })) }),
      ),
      /**
       * Questions whose answers say what matters to the person and what they would like to be
       * different: the result leads with them, and community options are searched for what they name.
       */
      words: z._default(z.array(Id), []),
      /** Questions whose answers are the person's strengths and people, shown back in their words. */
      strengths: z._default(z.array(Id), []),
      /** The first whose condition holds is suggested; one without `when` is the default. */
      nextSteps: z
        .array(z.object({ step: NextStep, when: z.optional(Condition), title: text, body: text, other: z.optional(z.object({ title: z.optional(text), body: z.optional(text) })) }))
        .check(z.minLength(1)),
    }),
  });

  return { Option, Question, Questionnaire: Questionnaire.check(z.superRefine(crossCheck)) };
}

/** The parts of a definition {@link crossCheck} reads, the same in either language. */
interface Checked {
  thirdPerson?: Condition | undefined;
  urgentHelp: ReadonlyArray<{ id: string }>;
  questions: ReadonlyArray<{ id: string; showIf?: Condition | undefined; options?: ReadonlyArray<{ value: string; urgent?: boolean | undefined; help?: string | undefined }> }>;
  outcomes: {
    areas: ReadonlyArray<{ when: Condition }>;
    strengths: readonly string[];
    words: readonly string[];
    nextSteps: ReadonlyArray<{ when?: Condition | undefined }>;
  };
}

type Path = Array<string | number>;

/** Every `question` a condition refers to, with the path of the reference. */
function* references(condition: Condition, path: Path): Generator<[string, Path]> {
  if ('all' in condition) for (const [i, c] of condition.all.entries()) yield* references(c, [...path, 'all', i]);
  else if ('any' in condition) for (const [i, c] of condition.any.entries()) yield* references(c, [...path, 'any', i]);
  else if ('not' in condition) yield* references(condition.not, [...path, 'not']);
  else yield [condition.question, [...path, 'question']];
}

/**
 * What the field schemas cannot say on their own: question ids are unique,
 * option values are unique within a question, and every condition and
 * strength names a question of this definition. Follow-up answers are keyed
 * `<question>.<option>`; neither ids nor option values may contain a dot
 * (see their patterns), so with these two rules such a key can never be
 * taken by a question or by another follow-up.
 */
function crossCheck(definition: Checked, ctx: z.core.$RefinementCtx<Checked>): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', input: definition, path, message });
  const ids = new Set<string>();
  for (const [index, question] of definition.questions.entries()) {
    if (ids.has(question.id)) issue(['questions', index, 'id'], `Question id "${question.id}" is used twice`);
    ids.add(question.id);
    const values = new Set<string>();
    for (const [at, option] of (question.options ?? []).entries()) {
      if (values.has(option.value)) issue(['questions', index, 'options', at, 'value'], `Option value "${option.value}" is used twice in question "${question.id}"`);
      values.add(option.value);
    }
  }
  const panels = new Set<string>();
  for (const [index, panel] of definition.urgentHelp.entries()) {
    if (panels.has(panel.id)) issue(['urgentHelp', index, 'id'], `Urgent help "${panel.id}" is defined twice`);
    panels.add(panel.id);
  }
  for (const [index, question] of definition.questions.entries()) {
    for (const [at, option] of (question.options ?? []).entries()) {
      if (option.help !== undefined && !panels.has(option.help)) issue(['questions', index, 'options', at, 'help'], `Option "${option.value}" names unknown urgent help "${option.help}"`);
      if (option.help !== undefined && option.urgent !== true) issue(['questions', index, 'options', at, 'help'], `Option "${option.value}" names urgent help but is not urgent`);
    }
  }
  const conditions: Array<[Condition, Path]> = [];
  if (definition.thirdPerson) conditions.push([definition.thirdPerson, ['thirdPerson']]);
  for (const [index, question] of definition.questions.entries()) if (question.showIf) conditions.push([question.showIf, ['questions', index, 'showIf']]);
  for (const [index, area] of definition.outcomes.areas.entries()) conditions.push([area.when, ['outcomes', 'areas', index, 'when']]);
  for (const [index, step] of definition.outcomes.nextSteps.entries()) if (step.when) conditions.push([step.when, ['outcomes', 'nextSteps', index, 'when']]);
  for (const [condition, path] of conditions) {
    for (const [question, at] of references(condition, path)) {
      if (!ids.has(question)) issue(at, `Condition refers to unknown question "${question}"`);
    }
  }
  for (const [index, id] of definition.outcomes.strengths.entries()) {
    if (!ids.has(id)) issue(['outcomes', 'strengths', index], `Strength refers to unknown question "${id}"`);
  }
  for (const [index, id] of definition.outcomes.words.entries()) {
    if (!ids.has(id)) issue(['outcomes', 'words', index], `Own words refer to unknown question "${id}"`);
  }
}

const source = schemas(LocalText);
const localised = schemas(z.string());

/** A definition as authored, in every language it has. */
export const QuestionnaireDefinition = source.Questionnaire;
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinition>;
export type QuestionDefinition = z.infer<typeof source.Question>;

/** A definition in one language: every text a plain string. */
export const LocalisedQuestionnaire = localised.Questionnaire;
export type LocalisedQuestionnaire = z.infer<typeof LocalisedQuestionnaire>;
export type LocalisedQuestion = z.infer<typeof localised.Question>;
export type QuestionType = LocalisedQuestion['type'];
export type UrgentHelpPanel = LocalisedQuestionnaire['urgentHelp'][number];

/** Response of `GET /api/v1/questionnaires/:id?lang=`. */
export const QuestionnaireResponse = z.object({
  lang: LanguageSchema,
  questionnaire: LocalisedQuestionnaire,
  /** Paths of texts missing in `lang`, shown in English instead (e.g. `questions.3.title`). */
  fallbacks: z.array(z.string()),
});
export type QuestionnaireResponse = z.infer<typeof QuestionnaireResponse>;

/** A date as the GOV.UK date input collects it. */
export const DateAnswer = z.object({ day: z.int(), month: z.int(), year: z.int() });

/** Answers by question id; a follow-up box's answer is stored as `<question>.<option>`. */
export const Answers = z.record(z.string().check(z.maxLength(130)), z.union([z.string().check(z.maxLength(5000)), z.array(z.string()), z.number(), DateAnswer]));
export type Answers = z.infer<typeof Answers>;
export type AnswerValue = Answers[string];

/** A definition's version as drafts and submissions carry it: stored in an `integer` column. */
const StoredVersion = z.int().check(z.gte(1), z.lte(INT32_MAX));

/** Save and come back later: `POST /api/v1/drafts`. */
export const DraftInput = z.object({
  questionnaireId: Id,
  version: StoredVersion,
  answers: Answers,
  /** Where the person was, to resume there. */
  at: z.optional(z.string().check(z.maxLength(130))),
  lang: z.optional(LanguageSchema),
});
export type DraftInput = z.infer<typeof DraftInput>;

/** Resume codes: 8 characters with no look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const RESUME_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const ResumeCode = z.string().check(z.regex(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/));

/** Days a saved draft lasts (answers kept on the device last as long after their last change). */
export const DRAFT_DAYS = 30;

export const DraftSaved = z.object({ code: ResumeCode, expiresAt: z.iso.datetime({ offset: true }) });
export type DraftSaved = z.infer<typeof DraftSaved>;

/** `GET /api/v1/drafts/:code`. */
export const Draft = z.object({ ...DraftInput.shape, code: ResumeCode, savedAt: z.iso.datetime({ offset: true }), expiresAt: z.iso.datetime({ offset: true }) });
export type Draft = z.infer<typeof Draft>;

/** How the person wants the council to get back in touch. */
export const ContactMethod = z.enum(['phone', 'email', 'none']);
export type ContactMethod = z.infer<typeof ContactMethod>;

/** What a contact detail can be wrong with; the element says each in the person's language. */
export type ContactProblem = { field: 'name' | 'value'; code: 'required' | 'invalid' | 'too-long' };

/**
 * Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`,
 * `+cmd`, `-2+3`). A phone number's leading `+` followed by a digit is fine.
 */
export function looksLikeFormula(text: string): boolean {
  const value = text.trim();
  if (/^[=@\t\r]/.test(value)) return true;
  // A leading + or - starts a formula, unless all that follows is a phone number's digits, spaces, brackets and dashes.
  return /^[+-]/.test(value) && !/^\+[\d\s()-]+$/.test(value);
}

/** A phone number as people write them: digits, spaces, brackets, dashes, a leading +; 10 to 15 digits. */
export function isPhoneNumber(text: string): boolean {
  const value = text.trim();
  const digits = value.replace(/\D/g, '').length;
  return /^\+?[\d\s()-]+$/.test(value) && digits >= 10 && digits <= 15;
}

/** An email address: something@domain.tld, no spaces, no formula. */
export function isEmailAddress(text: string): boolean {
  const value = text.trim();
  return value.length <= 254 && /^[^\s@=<>(),;:"]+@[^\s@=<>(),;:"]+\.[^\s@=<>(),;:".]{2,}$/.test(value) && !looksLikeFormula(value);
}

/**
 * The contact rule, the same in the element and the server: the method
 * decides which detail is needed (a phone number for `phone`, an email
 * address for `email`, none for `none`), the detail must be one of its
 * kind, and the name is optional but never formula-like text.
 */
export function contactProblems(contact: { name?: string | undefined; method: ContactMethod; value?: string | undefined }): ContactProblem[] {
  const problems: ContactProblem[] = [];
  const name = contact.name?.trim() ?? '';
  if (name.length > 100) problems.push({ field: 'name', code: 'too-long' });
  else if (name && looksLikeFormula(name)) problems.push({ field: 'name', code: 'invalid' });
  const value = contact.value?.trim() ?? '';
  if (contact.method === 'none') return problems;
  if (!value) problems.push({ field: 'value', code: 'required' });
  else if (!(contact.method === 'phone' ? isPhoneNumber(value) : isEmailAddress(value))) problems.push({ field: 'value', code: 'invalid' });
  return problems;
}

const CONTACT_MESSAGES: Record<ContactProblem['code'], (field: ContactProblem['field'], method: ContactMethod) => string> = {
  required: (_field, method) => `A ${method === 'phone' ? 'phone number' : 'email address'} is needed to be contacted by ${method}.`,
  invalid: (field, method) =>
    field === 'name' ? 'The name must not start like a spreadsheet formula (=, +, -, @).' : `This is not ${method === 'phone' ? 'a phone number' : 'an email address'}.`,
  'too-long': (field) => `The ${field} is too long.`,
};

const Contact = z
  .object({
    /** Optional: a blank name is left out, never stored as a placeholder. */
    name: z.optional(z.string().check(z.trim(), z.maxLength(100))),
    method: ContactMethod,
    value: z.optional(z.string().check(z.trim(), z.maxLength(254))),
  })
  .check(
    z.superRefine((contact, ctx) => {
      for (const problem of contactProblems(contact)) {
        ctx.addIssue({ code: 'custom', input: contact, path: [problem.field], message: CONTACT_MESSAGES[problem.code](problem.field, contact.method) });
      }
    }),
  );


/** Send to the council: `POST /api/v1/submissions` with an Idempotency-Key. */
export const SubmissionInput = z.object({
  questionnaireId: Id,
  version: StoredVersion,
  answers: Answers,
  /** The person agreed to the consent text; required. */
  consent: z.literal(true),
  /** How the council may get back in touch, if the person wants it. */
  contact: z.optional(Contact),
  lang: z.optional(LanguageSchema),
});
export type SubmissionInput = z.infer<typeof SubmissionInput>;

export const SubmissionCreated = z.object({ reference: z.string().check(z.regex(/^CLS-[ACDEFGHJKMNPQRTUVWXY34679]{6}$/)), createdAt: z.iso.datetime({ offset: true }) });
export type SubmissionCreated = z.infer<typeof SubmissionCreated>;

const Timestamp = z.iso.datetime({ offset: true });

/** Query of `GET /api/v1/questionnaires` and `GET /api/v1/questionnaires/{id}`. */
export const QuestionnaireQuery = z.object({ lang: z._default(LanguageSchema, 'en') });

/** `GET /api/v1/questionnaires`: what there is to fill in. */
export const QuestionnaireList = z.object({
  lang: LanguageSchema,
  items: z.array(z.object({ id: z.string(), version: z.int(), title: z.string(), minutes: z.int() })),
});

/** `true`/`false` in a query string. */
const QueryBoolean = z.pipe(
  z.enum(['true', 'false']),
  z.transform((value) => value === 'true'),
);

/** Query of `GET /api/v1/staff/submissions.csv`. */
export const StaffSubmissionsExportQuery = z.object({
  questionnaire: z.optional(z.string().check(z.maxLength(63))),
  /** Only submissions with (`true`) or without (`false`) an urgent answer. */
  urgent: z.optional(QueryBoolean),
  /** Only submissions whose suggested next step is this. */
  nextStep: z.optional(NextStep),
  /** Only submissions where the person said this area is hard. */
  area: z.optional(WellbeingArea),
  /** `newest` (the default) or `urgent` (urgent ones first, each group newest first). */
  sort: z._default(z.enum(['newest', 'urgent']), 'newest'),
});

/** Query of `GET /api/v1/staff/submissions`: newest first, paged. */
export const StaffSubmissionsQuery = z.extend(StaffSubmissionsExportQuery, {
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  offset: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0),
});

export const StaffSubmission = z.object({
  reference: SubmissionCreated.shape.reference,
  questionnaireId: z.string(),
  version: z.int(),
  lang: z.optional(LanguageSchema),
  answers: Answers,
  contact: SubmissionInput.shape.contact,
  /** An answer signalled danger: route it to someone who can act today. */
  urgent: z.boolean(),
  /** The urgent answers: question id and option value. */
  urgentReasons: z.array(z.object({ question: z.string(), option: z.string() })),
  /** The next step the result suggested. */
  nextStep: z.optional(NextStep),
  /** The wellbeing areas the person said are hard. */
  areas: z.array(WellbeingArea),
  /** When the person agreed to the consent text, and which wording it was. */
  consentedAt: z.optional(Timestamp),
  consentVersion: z.optional(z.string()),
  createdAt: Timestamp,
});

export const StaffSubmissionList = z.object({ total: z.int(), items: z.array(StaffSubmission) });
export type QuestionnaireList = z.infer<typeof QuestionnaireList>;
export type StaffSubmission = z.infer<typeof StaffSubmission>;
export type StaffSubmissionList = z.infer<typeof StaffSubmissionList>;
