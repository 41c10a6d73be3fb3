import * as z from 'zod/mini';
import { Answers, DRAFT_DAYS, DraftInput, SubmissionCreated, type AnswerValue, type LocalisedQuestionnaire } from '../contract/questionnaire.ts';
import { DeviceStore, type DeviceStorage } from './device-store.ts';
import { CHECK_ANSWERS, START } from './questionnaire.ts';
import { RESULT, SEND } from './self-assessment-journey.ts';

/**
 * The self-assessment's answers kept on the device as the person goes, so a
 * reload or a return visit carries on where they were. Kept as long as a
 * draft saved on the server lasts ({@link DRAFT_DAYS} days), counted from the
 * last change. DOM-free: the storage is passed in.
 */

/** The element's own key for a questionnaire: its answers on the device, and its page in `history.state`. */
export function selfAssessmentKey(questionnaireId: string): string {
  return `cls-self-assessment:${questionnaireId}`;
}

export const DEVICE_ANSWERS_MAX_AGE_MS = DRAFT_DAYS * 24 * 60 * 60 * 1000;

/** Each answer that fits the contract; one that does not (a half-filled date is kept as NaN, read back as null) is left out, not the whole record. */
function fitting(raw: Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const [key, value] of Object.entries(raw)) {
    if (Answers.safeParse({ [key]: value }).success) answers[key] = value as AnswerValue;
  }
  return answers;
}

/** Answers on the device: the questionnaire's version (to reconcile with a newer one), the answers, and where the person was. */
export const DeviceAnswers = z.object({
  version: DraftInput.shape.version,
  answers: z.pipe(z.record(z.string(), z.unknown()), z.transform(fitting)),
  at: z._default(z.string().check(z.maxLength(130)), START),
  /** Sent to the council under this reference: the result stays on screen (and in print) until the person starts again. */
  sent: z.optional(z.object({ reference: SubmissionCreated.shape.reference })),
});
export type DeviceAnswers = z.output<typeof DeviceAnswers>;

/**
 * A record written before records had a saved-at time: `{ version, answers, at }`
 * as it is, so answers kept before an upgrade still load (and get a full
 * {@link DRAFT_DAYS} from now).
 */
export function readLegacyAnswers(raw: unknown): DeviceAnswers | undefined {
  const parsed = DeviceAnswers.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Where a questionnaire's answers are kept; `storage` gives undefined (kiosk mode, storage refused) to keep nothing. */
export function deviceAnswers(questionnaireId: string, storage: () => DeviceStorage | undefined, now?: () => number): DeviceStore<typeof DeviceAnswers> {
  return new DeviceStore({
    key: selfAssessmentKey(questionnaireId),
    schema: DeviceAnswers,
    maxAgeMs: DEVICE_ANSWERS_MAX_AGE_MS,
    storage,
    legacy: readLegacyAnswers,
    ...(now ? { now } : {}),
  });
}

/** The answers on the device for whichever questionnaire an element shows now (it can change). */
export class AnswersOnDevice {
  private cached: { id: string; store: DeviceStore<typeof DeviceAnswers> } | undefined;

  constructor(
    private readonly questionnaireId: () => string,
    private readonly storage: () => DeviceStorage | undefined,
    private readonly now?: () => number,
  ) {}

  private get store(): DeviceStore<typeof DeviceAnswers> {
    const id = this.questionnaireId();
    if (this.cached?.id !== id) this.cached = { id, store: deviceAnswers(id, this.storage, this.now) };
    return this.cached.store;
  }

  /** The answers kept, unless there are none, they have expired or they are not answers. */
  read(): DeviceAnswers | undefined {
    return this.store.read()?.data;
  }

  /**
   * Keeps the answers, or with none, removes the record, so "Start again"
   * leaves no trace. False when the device would not keep them (the answers
   * still live in the page, and can be saved on the server).
   */
  keep(version: number, answers: Answers, at: string, sent?: { reference: string }): boolean {
    if (!Object.keys(answers).length) {
      this.store.remove();
      return true;
    }
    return this.store.write({ version, answers, at, ...(sent ? { sent } : {}) });
  }

  /**
   * Puts the record aside under its own key (for the person to ask the
   * council about, never read back as answers) and removes it, when it
   * cannot be carried on with.
   */
  setAside(): void {
    const record = this.store.read();
    if (record) {
      const aside = new DeviceStore({ key: `${selfAssessmentKey(this.questionnaireId())}:set-aside`, schema: z.unknown(), maxAgeMs: DEVICE_ANSWERS_MAX_AGE_MS, storage: this.storage });
      aside.write(record.data);
    }
    this.store.remove();
  }

  remove(): void {
    this.store.remove();
  }
}

/**
 * Whether answers kept on the device can be carried on with in this
 * questionnaire: where they were is a page of it (the start, a question,
 * check answers, result, send), and, for the same version, every answer
 * is to one of its questions or their "tell us more" boxes. Answers from
 * another version are fitted by `reconcile` instead. Answers kept for
 * another questionnaire (a page that switched questionnaire while loading
 * could write them) fail, and are set aside rather than restored.
 */
export function fitsQuestionnaire(q: LocalisedQuestionnaire, saved: Pick<DeviceAnswers, 'version' | 'answers' | 'at'>): boolean {
  const ids = new Set(q.questions.map((question) => question.id));
  if (![START, CHECK_ANSWERS, RESULT, SEND].includes(saved.at) && !ids.has(saved.at)) return false;
  if (saved.version !== q.version) return true;
  const known = new Set(ids);
  for (const question of q.questions) {
    if (question.type !== 'single' && question.type !== 'multiple') continue;
    for (const option of question.options) if (option.followUp) known.add(`${question.id}.${option.value}`);
  }
  return Object.keys(saved.answers).every((key) => known.has(key));
}
