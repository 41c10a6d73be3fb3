import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAILTO_MAX_LENGTH, mailtoHref, resultText, type ResultSummaryInput, type ResultSummaryLabels } from '../../src/core/result-summary.ts';

const labels: ResultSummaryLabels = {
  filledIn: 'You filled this in on the Borsetshire Council website:',
  areas: 'Things you find hard',
  strengths: 'What is going well',
  nextStep: 'A next step',
  options: 'Community options near you',
};

const input: ResultSummaryInput = {
  title: 'Looking after someone',
  pageUrl: 'https://council.example/self-assessment/?cls-resume=ABC#x',
  includeAnswers: false,
  areas: ['Looking after other people', 'Eating well'],
  strengths: [{ title: 'Keeping in touch', answer: 'My sister rings every evening.' }],
  nextStep: { title: 'Talk to someone at a hub', body: 'Drop in to a talking point near you.' },
  options: [
    { name: "Carers' Cuppa", organisation: 'Borsetshire Carers Centre', phone: '01632 960 123', url: 'https://carers.example/cuppa' },
    { name: 'Lunch club' },
  ],
};

/** The body a mail client would show for a mailto URL. */
function bodyOf(href: string): string {
  return new URL(href).searchParams.get('body') ?? '';
}

describe('resultText without answers', () => {
  const text = resultText(input, labels);

  it('says only the title, where it was filled in, and the page link', () => {
    assert.equal(text, ['Looking after someone', '', labels.filledIn, 'https://council.example/self-assessment/'].join('\n'));
  });

  it('carries no personal data', () => {
    for (const personal of ['Looking after other people', 'Eating well', 'Keeping in touch', 'My sister', 'Talk to someone', 'Cuppa', '01632', 'carers.example']) {
      assert.ok(!text.includes(personal), personal);
    }
    for (const heading of [labels.areas, labels.strengths, labels.nextStep, labels.options]) assert.ok(!text.includes(heading), heading);
  });

  it('strips the query (a resume code), fragment and credentials from the link', () => {
    assert.ok(!text.includes('cls-resume') && !text.includes('ABC') && !text.includes('#'));
    const link = (pageUrl: string) => resultText({ ...input, pageUrl }, labels).split('\n').at(-1);
    assert.equal(link('https://user:secret@council.example/a?b=1'), 'https://council.example/a');
    assert.equal(link('https://council.example/a#cls-resume=ABC'), 'https://council.example/a');
    assert.equal(link('  https://council.example/a?  '), 'https://council.example/a');
    // Not absolute: the query and fragment still go.
    assert.equal(link('/self-assessment?cls-resume=ABC#x'), '/self-assessment');
    assert.equal(link('#only-a-fragment'), labels.filledIn);
  });
});

describe('resultText with answers', () => {
  const text = resultText({ ...input, includeAnswers: true }, labels);

  it('includes every section under its heading, a blank line between sections', () => {
    assert.equal(
      text,
      [
        'Looking after someone',
        '',
        labels.filledIn,
        'https://council.example/self-assessment/',
        '',
        labels.areas,
        '- Looking after other people',
        '- Eating well',
        '',
        labels.strengths,
        '- Keeping in touch',
        '  My sister rings every evening.',
        '',
        labels.nextStep,
        'Talk to someone at a hub',
        'Drop in to a talking point near you.',
        '',
        labels.options,
        "- Carers' Cuppa (Borsetshire Carers Centre)",
        '  01632 960 123',
        '  https://carers.example/cuppa',
        '- Lunch club',
      ].join('\n'),
    );
  });

  it('still strips the query and fragment from the link', () => {
    assert.ok(!text.includes('cls-resume') && !text.includes('#x'));
  });

  it('leaves out empty sections and values, and the options when none are given', () => {
    const sparse = resultText(
      {
        ...input,
        includeAnswers: true,
        areas: ['  '],
        strengths: [
          { title: '', answer: '' },
          { title: '', answer: 'Just my words' },
        ],
        nextStep: { title: '', body: '' },
        options: undefined,
      },
      labels,
    );
    assert.ok(!sparse.includes(labels.areas) && !sparse.includes(labels.nextStep) && !sparse.includes(labels.options));
    assert.ok(sparse.endsWith(`${labels.strengths}\n- Just my words`));
    assert.ok(!sparse.includes('\n\n\n'));
    assert.ok(!resultText({ ...input, includeAnswers: true, options: [] }, labels).includes(labels.options));
  });

  it('keeps line breaks in the person’s words from splitting sections or bullets', () => {
    const messy = resultText(
      {
        ...input,
        includeAnswers: true,
        areas: ['Money\nworries'],
        strengths: [{ title: 'Friends\r\nnearby', answer: 'First line\r\n\r\n\r\nSecond line' }],
        options: [{ name: 'Same', organisation: 'Same' }],
      },
      labels,
    );
    assert.ok(messy.includes('- Money worries'));
    assert.ok(messy.includes('- Friends nearby\n  First line\n  Second line'));
    assert.ok(messy.includes('- Same') && !messy.includes('Same (Same)'));
    assert.equal(messy.split('\n\n').length, 6);
  });

  it('uses only the caller’s wording (Welsh labels give Welsh headings)', () => {
    const cy: ResultSummaryLabels = { filledIn: 'Fe wnaethoch chi lenwi hwn ar wefan y Cyngor:', areas: 'Pethau anodd', strengths: 'Beth sy’n mynd yn dda', nextStep: 'Cam nesaf', options: 'Dewisiadau cymunedol' };
    const welsh = resultText({ ...input, includeAnswers: true }, cy);
    for (const heading of Object.values(labels)) assert.ok(!welsh.includes(heading), heading);
    for (const heading of Object.values(cy)) assert.ok(welsh.includes(heading), heading);
  });
});

describe('mailtoHref', () => {
  it('puts the subject and body in the query, percent-encoded', () => {
    assert.equal(mailtoHref('Hi there', 'Body'), 'mailto:?subject=Hi%20there&body=Body');
    assert.equal(mailtoHref('', ''), 'mailto:');
    assert.equal(mailtoHref('', 'x'), 'mailto:?body=x');
    assert.equal(mailtoHref('S', '', 'me@example.org'), 'mailto:me@example.org?subject=S');
  });

  it('encodes &, ?, #, %, = and + so they cannot end or change a field', () => {
    const href = mailtoHref('Q&A? #1 = 100% +', 'a&b=c?d#e%f+g');
    assert.equal(href, 'mailto:?subject=Q%26A%3F%20%231%20%3D%20100%25%20%2B&body=a%26b%3Dc%3Fd%23e%25f%2Bg');
    const url = new URL(href);
    assert.equal(url.searchParams.get('subject'), 'Q&A? #1 = 100% +');
    assert.equal(url.searchParams.get('body'), 'a&b=c?d#e%f+g');
    assert.equal(url.hash, '');
  });

  it('encodes Welsh letters as UTF-8', () => {
    const href = mailtoHref('Gŵyl', 'Llŷn ŵ ŷ Â');
    assert.equal(href, 'mailto:?subject=G%C5%B5yl&body=Ll%C5%B7n%20%C5%B5%20%C5%B7%20%C3%82');
    assert.equal(bodyOf(href), 'Llŷn ŵ ŷ Â');
  });

  it('sends every kind of line break as CRLF', () => {
    const href = mailtoHref('S', 'one\ntwo\r\nthree\rfour\n\nfive');
    assert.equal(href, 'mailto:?subject=S&body=one%0D%0Atwo%0D%0Athree%0D%0Afour%0D%0A%0D%0Afive');
    const withoutCrlf = href.replace(/%0D%0A/g, '');
    assert.ok(!withoutCrlf.includes('%0A') && !withoutCrlf.includes('%0D'));
  });

  it('keeps the subject on one line', () => {
    assert.equal(mailtoHref('Line\r\nBcc: someone@example.org', ''), 'mailto:?subject=Line%20Bcc%3A%20someone%40example.org');
  });

  it('encodes the address but leaves @ and commas readable', () => {
    assert.equal(mailtoHref('', '', 'a@example.org,b@example.org'), 'mailto:a@example.org,b@example.org');
    assert.equal(mailtoHref('', '', 'odd?name#@example.org'), 'mailto:odd%3Fname%23@example.org');
  });

  it('does not throw on unpaired surrogates', () => {
    assert.equal(mailtoHref('\uD800', 'a\uDC00b'), 'mailto:?subject=%EF%BF%BD&body=a%EF%BF%BDb');
  });

  it('leaves a short link whole and caps a long one at 2,000 characters by default', () => {
    const short = mailtoHref('S', 'a\nb');
    assert.ok(!short.includes('%E2%80%A6'));
    const long = Array.from({ length: 300 }, (_, i) => `Line ${i} ŵŷ & more`).join('\n');
    const href = mailtoHref('Looking after someone', long);
    assert.ok(href.length <= MAILTO_MAX_LENGTH, String(href.length));
    assert.equal(MAILTO_MAX_LENGTH, 2000);
    const lines = bodyOf(href).split('\r\n');
    assert.equal(lines.at(-1), '…');
    // Cut at a line boundary: every line but the last is a whole original line, in order.
    assert.deepEqual(lines.slice(0, -1), long.split('\n').slice(0, lines.length - 1));
    // And as many lines as fit: one more would be too long.
    const oneMore = mailtoHref('Looking after someone', long.split('\n').slice(0, lines.length).join('\n') + '\n…', '', { maxLength: Infinity });
    assert.ok(oneMore.length > MAILTO_MAX_LENGTH);
  });

  it('uses the caller’s omission line and maximum', () => {
    const body = ['First', '', 'Second section', 'x'.repeat(200)].join('\n');
    const href = mailtoHref('S', body, '', { maxLength: 100, omission: '(wedi’i dalfyrru)' });
    assert.ok(href.length <= 100, String(href.length));
    // No blank line left dangling before the omission.
    assert.deepEqual(bodyOf(href).split('\r\n'), ['First', '', 'Second section', '(wedi’i dalfyrru)']);
    const tighter = mailtoHref('S', body, '', { maxLength: 60, omission: '…' });
    assert.deepEqual(bodyOf(tighter).split('\r\n'), ['First', '…']);
  });

  it('shortens the subject when even the omission alone will not fit', () => {
    const href = mailtoHref('ŵ'.repeat(50), 'body line', '', { maxLength: 60 });
    assert.ok(href.length <= 60, String(href.length));
    const url = new URL(href);
    assert.equal(url.searchParams.get('body'), '…');
    const subject = url.searchParams.get('subject') ?? '';
    assert.ok(subject.length > 0 && /^ŵ+$/.test(subject));
    // An empty body is not given an omission line.
    const subjectOnly = mailtoHref('x'.repeat(100), '', '', { maxLength: 40 });
    assert.equal(subjectOnly, `mailto:?subject=${'x'.repeat(40 - 'mailto:?subject='.length)}`);
  });

  it('round-trips a whole result without personal data', () => {
    const href = mailtoHref(input.title, resultText(input, labels));
    assert.equal(bodyOf(href), resultText(input, labels).replace(/\n/g, '\r\n'));
    assert.ok(!href.includes('cls-resume') && !href.includes('ABC'));
  });
});

describe('resultText for someone who saved their answers', () => {
  const resume = 'To carry on with your saved answers on any device, use this link:';
  const resumeLink = 'https://council.example/self-assessment/?cls-resume=KM4T9QXA';

  it('carries the resume link, under its own words, straight after the page link', () => {
    const text = resultText({ ...input, resumeLink }, { ...labels, resume });
    assert.equal(text, ['Looking after someone', '', labels.filledIn, 'https://council.example/self-assessment/', '', resume, resumeLink].join('\n'));
  });

  it('keeps the resume link when a long email is cut to fit a mailto: link', () => {
    const long = resultText({ ...input, resumeLink, includeAnswers: true, areas: Array.from({ length: 80 }, (_, n) => `Area number ${n}`) }, { ...labels, resume });
    const href = mailtoHref(input.title, long, '', { omission: '(cut)' });
    assert.ok(href.length <= MAILTO_MAX_LENGTH);
    assert.ok(bodyOf(href).includes(resumeLink));
    assert.ok(bodyOf(href).endsWith('(cut)'));
  });

  it('has no resume link unless the person saved', () => {
    assert.ok(!resultText(input, { ...labels, resume }).includes(resume));
  });
});
