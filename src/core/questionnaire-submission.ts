import { ResumeCode, contactProblems, type Answers, type ContactProblem, type DraftInput, type LocalisedQuestionnaire, type SubmissionInput } from '../contract/questionnaire.ts';
import { answersForSubmission } from './questionnaire.ts';

/**
 * What the self-assessment sends to the server, built from the answers and
 * the send page's form: DOM-free, so exactly what is sent is unit-tested.
 */

type Lang = NonNullable<SubmissionInput['lang']>;
type ContactMethod = NonNullable<SubmissionInput['contact']>['method'];
type Contact = NonNullable<SubmissionInput['contact']>;

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
 * Contact details as they are kept: a blank name left out (never a
 * placeholder), a phone number or email address only with that way of
 * getting in touch; nothing at all when there is neither a name nor a way.
 */
export function tidyContact(contact: Contact | undefined): Contact | undefined {
  if (!contact) return undefined;
  const name = contact.name?.trim() ?? '';
  const value = contact.value?.trim() ?? '';
  if (!name && contact.method === 'none') return undefined;
  return { ...(name ? { name } : {}), method: contact.method, ...(contact.method !== 'none' && value ? { value } : {}) };
}

/** What is wrong with the send page's contact details for the way the person chose (the contract's rule), by the page's field ids. */
export function contactFormErrors(answers: Answers, contact: ContactForm): Array<{ field: 'contact-name' | 'contact-value'; code: ContactProblem['code'] }> {
  return contactProblems({ name: contact.name, method: contactMethod(answers), value: contact.value }).map((problem) => ({
    field: problem.field === 'name' ? 'contact-name' : 'contact-value',
    code: problem.code,
  }));
}

/**
 * The body of `POST /submissions`: the answers as sent to the council (see
 * {@link answersForSubmission}), consent, and contact details as
 * {@link tidyContact} keeps them.
 */
export function submissionFor(q: LocalisedQuestionnaire, answers: Answers, contact: ContactForm, lang: Lang): SubmissionInput {
  const tidy = tidyContact({ name: contact.name, method: contactMethod(answers), value: contact.value });
  return {
    questionnaireId: q.id,
    version: q.version,
    answers: answersForSubmission(q, answers),
    consent: true,
    ...(tidy ? { contact: tidy } : {}),
    lang,
  };
}

/** The body of `POST /drafts`: every answer (hidden ones too, so changing one's mind back loses nothing) and where the person was. */
export function draftFor(q: LocalisedQuestionnaire, answers: Answers, at: string, lang: Lang): DraftInput {
  return { questionnaireId: q.id, version: q.version, answers, at, lang };
}

/** What a typed resume code turned out to be. */
export type TypedResumeCode =
  /** A code the server could have issued, as it issues it. */
  | { kind: 'code'; code: string }
  /** Eight letters and numbers, so the right shape, but with a character codes never have (B, I, L, O, S, Z, 0, 1, 2, 5, 8): no answers can be saved under it. */
  | { kind: 'never-issued' }
  /** Not eight letters and numbers. */
  | { kind: 'malformed' };

/**
 * A resume code as typed: any case, with or without spaces, dashes or dots
 * (`km4t 9qxa`, `KM4T-9QXA`, `KM4T9QXA`). Eight letters and numbers is the
 * right format even when the code cannot exist (`ABCDEFGH`), so the person
 * hears "we could not find answers for that code" rather than that they
 * typed it wrongly.
 */
export function readResumeCode(text: string): TypedResumeCode {
  const code = text.toUpperCase().replace(/[\s\-‐‑–—.]/g, '');
  if (!/^[A-Z0-9]{8}$/.test(code)) return { kind: 'malformed' };
  return ResumeCode.safeParse(code).success ? { kind: 'code', code } : { kind: 'never-issued' };
}

/** A resume code as every page shows it: two groups of four, `KM4T 9QXA`. */
export function formatResumeCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/**
 * Which wording of the consent text the person was shown: the
 * questionnaire, its version, the language and a short checksum of the
 * text itself, so a changed wording is told apart even without a new version.
 */
export function consentVersion(q: Pick<LocalisedQuestionnaire, 'id' | 'version' | 'consent'>, lang?: string): string {
  // FNV-1a, 32 bits: not security, just a stable fingerprint of the words.
  let hash = 0x811c9dc5;
  for (const char of q.consent) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${q.id}@${q.version}${lang ? `/${lang}` : ''}#${hash.toString(16).padStart(8, '0')}`;
}

/** A resume code in the page URL, from the "copy link" on the saved page. */
export const RESUME_PARAM = 'cls-resume';

/** This page's address with the resume code in it (and no fragment). */
export function resumeLink(page: URL, code: string): string {
  const url = new URL(page);
  url.hash = '';
  url.searchParams.set(RESUME_PARAM, code);
  return url.href;
}
