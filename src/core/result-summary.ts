/**
 * The "Email me a copy" link on the self-assessment's result page: the
 * result as plain text, and a `mailto:` URL carrying it. DOM-free, and with
 * no wording of its own: every label comes from the caller's translations.
 */

/** A community option as the email lists it. */
export interface ResultSummaryOption {
  name: string;
  organisation?: string;
  phone?: string;
  url?: string;
}

/** What the email can say. Everything but `title` and `pageUrl` is left out unless `includeAnswers`. */
export interface ResultSummaryInput {
  /** The questionnaire's title, in the person's language. */
  title: string;
  /** The page the questionnaire is on; its query and fragment are dropped (they can hold a resume code). */
  pageUrl: string;
  /**
   * The link back to the answers the person saved (it holds their resume
   * code), so the email carries them on to another device. Only when they
   * chose to save; the page link above never carries a code.
   */
  resumeLink?: string | undefined;
  /** Whether the person chose to include their answers; false means no personal data at all. */
  includeAnswers: boolean;
  /** Labels of the areas the person found hard. */
  areas: readonly string[];
  /** What is going well: a heading and the person's own words. */
  strengths: ReadonlyArray<{ title: string; answer: string }>;
  nextStep: { title: string; body: string };
  options?: readonly ResultSummaryOption[];
}

/** The caller's translated wording. */
export interface ResultSummaryLabels {
  /** Says where the person filled this in, e.g. "You filled this in on the Borsetshire Council website:"; the link follows on its own line. */
  filledIn: string;
  /** Says what the resume link is for, e.g. "To carry on with your saved answers on any device, use this link:". */
  resume?: string;
  /** Heading over the hard areas. */
  areas: string;
  /** Heading over the strengths. */
  strengths: string;
  /** Heading over the suggested next step. */
  nextStep: string;
  /** Heading over the community options. */
  options: string;
}

/**
 * The email body as plain text, `\n` line breaks, a blank line between
 * sections: the title, `labels.filledIn` with the page link under it, and,
 * only when `includeAnswers`, the hard areas, the strengths, the next step
 * and the community options, each under its heading. Empty sections (and
 * empty values) are left out. The link is `pageUrl` without its query,
 * fragment or any user name and password.
 */
export function resultText(input: ResultSummaryInput, labels: ResultSummaryLabels): string {
  const sections: string[][] = [[input.title.trim()].filter(Boolean), [labels.filledIn, pageLink(input.pageUrl)].filter(Boolean)];
  // Second, so a long email cut to fit a mailto: link never loses it.
  if (input.resumeLink && labels.resume) sections.push([labels.resume, input.resumeLink.trim()]);

  if (input.includeAnswers) {
    const areas = input.areas.map((a) => a.trim()).filter(Boolean);
    if (areas.length > 0) sections.push([labels.areas, ...areas.map((a) => `- ${oneLine(a)}`)]);

    const strengths = input.strengths.filter((s) => s.title.trim() !== '' || s.answer.trim() !== '');
    if (strengths.length > 0) {
      sections.push([labels.strengths, ...strengths.flatMap((s) => (s.title.trim() === '' ? item(s.answer, []) : item(s.title, [s.answer])))]);
    }

    const next = [input.nextStep.title.trim(), input.nextStep.body.trim()].filter(Boolean);
    if (next.length > 0) sections.push([labels.nextStep, ...lines(next)]);

    const options = (input.options ?? []).filter((o) => o.name.trim() !== '');
    if (options.length > 0) {
      sections.push([
        labels.options,
        ...options.flatMap((o) => {
          const organisation = o.organisation?.trim() ?? '';
          // "Carers Centre (Carers Centre)" says nothing twice.
          const name = organisation === '' || organisation === o.name.trim() ? o.name : `${o.name} (${organisation})`;
          return item(name, [o.phone ?? '', o.url ?? '']);
        }),
      ]);
    }
  }

  return sections
    .filter((section) => section.length > 0)
    .map((section) => section.join('\n'))
    .join('\n\n');
}

const LINE_BREAK = /\r\n|\r|\n/;

/** Text that must stay on one line, e.g. a bullet's first line or a subject. */
function oneLine(text: string): string {
  return text.trim().replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
}

/** The texts' lines, trimmed, without blank ones: only sections are separated by a blank line. */
function lines(texts: readonly string[]): string[] {
  return texts.flatMap((text) => text.split(LINE_BREAK)).map((line) => line.trim()).filter(Boolean);
}

/** A bullet, with any details indented under it. */
function item(first: string, details: readonly string[]): string[] {
  return [`- ${oneLine(first)}`, ...lines(details).map((line) => `  ${line}`)];
}

/** The page without what could identify the person: query (resume code), fragment, credentials. */
function pageLink(pageUrl: string): string {
  try {
    const url = new URL(pageUrl.trim());
    url.search = '';
    url.hash = '';
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    // Not absolute (the caller should pass location.href); still never leak the query.
    return (pageUrl.trim().split(/[?#]/, 1)[0] ?? '').trim();
  }
}

/** Past about 2,000 characters some mail clients (and older browsers) drop or truncate a `mailto:` link. */
export const MAILTO_MAX_LENGTH = 2000;

/** How {@link mailtoHref} shortens a body that would make the link too long. */
export interface MailtoLimit {
  /** The whole `mailto:` URL stays at or under this many characters; default {@link MAILTO_MAX_LENGTH}. */
  maxLength?: number;
  /** The line that ends a shortened body, in the person's language; default `…`. */
  omission?: string;
}

/**
 * A `mailto:` URL (RFC 6068) with the subject and body percent-encoded
 * (`encodeURIComponent`, so spaces are `%20`, never `+`) and every line
 * break as `%0D%0A`. If the URL would be longer than `maxLength`, the body
 * is cut after its last whole line that fits and ends with the `omission`
 * line; if even that cannot fit, the subject is shortened too. Line
 * breaks in the subject become spaces. The cap
 * cannot hold if `to` alone exceeds it. `to` may be empty (the person picks
 * the address) or a comma-separated list.
 */
export function mailtoHref(subject: string, body: string, to = '', limit: MailtoLimit = {}): string {
  const maxLength = limit.maxLength ?? MAILTO_MAX_LENGTH;
  const omission = limit.omission ?? '…';
  // '@' and ',' may stay literal in the address part; everything else RFC 6068 reserves is encoded.
  const start = `mailto:${encode(to).replace(/%40/g, '@').replace(/%2C/gi, ',')}`;

  const encodedLines = body === '' ? [] : body.split(LINE_BREAK).map(encode);
  const build = (encodedSubject: string, bodyLines: readonly string[]): string => {
    const params: string[] = [];
    if (encodedSubject !== '') params.push(`subject=${encodedSubject}`);
    if (bodyLines.length > 0) params.push(`body=${bodyLines.join(CRLF)}`);
    return params.length === 0 ? start : `${start}?${params.join('&')}`;
  };

  // A subject is one header line; a line break in it has no business there.
  const oneLineSubject = oneLine(subject);
  const encodedSubject = encode(oneLineSubject);
  const whole = build(encodedSubject, encodedLines);
  if (whole.length <= maxLength) return whole;

  // Longest run of whole lines that still leaves room for the omission line.
  const ending = omission.split(LINE_BREAK).map(encode).join(CRLF);
  let kept = encodedLines.length;
  let length = whole.length + CRLF.length + ending.length;
  while (kept > 0 && length > maxLength) {
    kept--;
    length -= (encodedLines[kept]?.length ?? 0) + CRLF.length;
  }
  // A blank line just before the omission would look like a finished section.
  while (kept > 0 && encodedLines[kept - 1] === '') kept--;
  // An empty body stays empty: only the subject was too long.
  const cut = encodedLines.length === 0 ? [] : [...encodedLines.slice(0, kept), ending];
  const shortened = build(encodedSubject, cut);
  if (shortened.length <= maxLength) return shortened;

  // Even the omission alone does not fit: shorten the subject as well.
  const room = maxLength - (build('', cut).length + 'subject='.length + 1);
  return build(encodeWithin(oneLineSubject, room), cut);
}

const CRLF = '%0D%0A';

/** Percent-encoded, with unpaired surrogates made U+FFFD so encodeURIComponent cannot throw. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** The longest start of `text`, cut between code points, whose encoding fits `room` characters, encoded. */
function encodeWithin(text: string, room: number): string {
  let out = '';
  for (const char of text) {
    const next = encode(char);
    if (out.length + next.length > room) break;
    out += next;
  }
  return out;
}
