import { ResumeCode, type Answers, type DraftInput, type LocalisedQuestionnaire, type SubmissionInput } from '../contract/questionnaire.ts';
import { answersForSubmission } from './questionnaire.ts';

/**
 * What the self-assessment sends to the server, built from the answers and
 * the send page's form: DOM-free, so exactly what is sent is unit-tested.
 */

type Lang = NonNullable<SubmissionInput['lang']>;
type ContactMethod = NonNullable<SubmissionInput['contact']>['method'];

/** What the send page asks for besides consent: a name, and a phone number or email address. */
export interface ContactForm {
  name: string;
  /** The phone number or email address, for the way the person asked to be contacted. */
  value: string;
}

/**
 * How the person wants to be contacted: the answer to the questionnaire's
 * `contact` question when it is `phone` or `email`, otherwise `none`.
 */
export function contactMethod(answers: Answers): ContactMethod {
  const method = Object.hasOwn(answers, 'contact') ? answers['contact'] : undefined;
  return method === 'phone' || method === 'email' ? method : 'none';
}

/**
 * The body of `POST /submissions`: the answers as sent to the council (see
 * {@link answersForSubmission}), consent, and contact details only when
 * there is a name or a way to get in touch (a way without a name is sent
 * with the name `-`; a phone number or email address only with that way).
 */
export function submissionFor(q: LocalisedQuestionnaire, answers: Answers, contact: ContactForm, lang: Lang): SubmissionInput {
  const method = contactMethod(answers);
  const name = contact.name.trim();
  const value = contact.value.trim();
  return {
    questionnaireId: q.id,
    version: q.version,
    answers: answersForSubmission(q, answers),
    consent: true,
    ...(name || method !== 'none' ? { contact: { name: name || '-', method, ...(method !== 'none' && value ? { value } : {}) } } : {}),
    lang,
  };
}

/** The body of `POST /drafts`: every answer (hidden ones too, so changing one's mind back loses nothing) and where the person was. */
export function draftFor(q: LocalisedQuestionnaire, answers: Answers, at: string, lang: Lang): DraftInput {
  return { questionnaireId: q.id, version: q.version, answers, at, lang };
}

/**
 * A resume code as typed (any case, with spaces or dashes, e.g. `km4t-9qxa`)
 * as the server issues it; undefined when it cannot be one (the contract's
 * rule: 8 characters with no look-alikes).
 */
export function readResumeCode(text: string): string | undefined {
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  return ResumeCode.safeParse(code).success ? code : undefined;
}
