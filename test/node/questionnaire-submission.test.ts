import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DraftInput, LocalisedQuestionnaire, RESUME_CODE_ALPHABET, SubmissionInput, looksLikeFormula } from '../../src/contract/questionnaire.ts';
import { contactFormErrors, contactMethod, draftFor, formatResumeCode, readResumeCode, submissionFor, tidyContact } from '../../src/core/questionnaire-submission.ts';

const q = LocalisedQuestionnaire.parse({
  id: 'send-test',
  version: 3,
  title: 'Send test',
  intro: ['About this'],
  minutes: 5,
  consent: 'We keep it.',
  questions: [
    {
      id: 'harder',
      type: 'multiple',
      title: 'What is harder?',
      options: [
        { value: 'money', label: 'Money', followUp: { label: 'Tell us more' } },
        { value: 'food', label: 'Food', followUp: { label: 'Tell us more' } },
      ],
    },
    { id: 'why', type: 'text', title: 'Why?', showIf: { question: 'harder', includes: 'money' } },
    {
      id: 'contact',
      type: 'single',
      title: 'How can we contact you?',
      options: [
        { value: 'phone', label: 'Phone' },
        { value: 'email', label: 'Email' },
        { value: 'none', label: 'No contact' },
      ],
    },
  ],
  outcomes: { areas: [], nextSteps: [{ step: 'hub-conversation', title: 'Talk to us', body: 'Come to a hub.' }] },
});

const noContact = { name: '', value: '' };

describe('what the self-assessment sends', () => {
  it('sends the answers as the council sees them: visible questions and the chosen options’ boxes only, with consent and the language', () => {
    const answers = { harder: ['food'], why: 'hidden now', 'harder.food': 'Cooking', 'harder.money': 'unticked', contact: 'none' };
    const body = submissionFor(q, answers, noContact, 'cy');
    assert.deepEqual(body, { questionnaireId: 'send-test', version: 3, answers: { harder: ['food'], 'harder.food': 'Cooking', contact: 'none' }, consent: true, lang: 'cy' });
    assert.equal(SubmissionInput.safeParse(body).success, true);
  });

  it('sends contact details only with a name or a way to get in touch, and the phone number or email address only with that way', () => {
    const details = (answers: Record<string, string>, contact: { name: string; value: string }) => submissionFor(q, answers, contact, 'en').contact;
    assert.equal(details({ contact: 'none' }, noContact), undefined);
    assert.deepEqual(details({ contact: 'none' }, { name: ' Ann ', value: 'ann@example.org' }), { name: 'Ann', method: 'none' });
    assert.deepEqual(details({ contact: 'email' }, { name: 'Ann', value: ' ann@example.org ' }), { name: 'Ann', method: 'email', value: 'ann@example.org' });
    assert.equal(SubmissionInput.safeParse(submissionFor(q, { contact: 'phone' }, { name: '', value: '01632 960 001' }, 'en')).success, true);
  });

  it('never stores a blank name as a placeholder (issue 13)', () => {
    assert.deepEqual(submissionFor(q, { contact: 'phone' }, { name: '  ', value: '01632 960 001' }, 'en').contact, { method: 'phone', value: '01632 960 001' });
    assert.deepEqual(tidyContact({ name: '', method: 'email', value: 'a@example.org' }), { method: 'email', value: 'a@example.org' });
    assert.equal(tidyContact({ name: ' ', method: 'none' }), undefined);
  });

  it('needs the detail the chosen way asks for, of its kind, at both ends (issue 13)', () => {
    const problems = (answers: Record<string, string>, contact: { name: string; value: string }) => contactFormErrors(answers, contact);
    assert.deepEqual(problems({ contact: 'phone' }, { name: 'Bob', value: '   ' }), [{ field: 'contact-value', code: 'required' }]);
    assert.deepEqual(problems({ contact: 'email' }, { name: '', value: '' }), [{ field: 'contact-value', code: 'required' }]);
    assert.deepEqual(problems({ contact: 'email' }, { name: '', value: '=HYPERLINK("http://evil.example","x")' }), [{ field: 'contact-value', code: 'invalid' }]);
    assert.deepEqual(problems({ contact: 'email' }, { name: '', value: 'not an email' }), [{ field: 'contact-value', code: 'invalid' }]);
    assert.deepEqual(problems({ contact: 'phone' }, { name: '', value: 'ann@example.org' }), [{ field: 'contact-value', code: 'invalid' }]);
    assert.deepEqual(problems({ contact: 'phone' }, { name: '', value: '123' }), [{ field: 'contact-value', code: 'invalid' }]);
    assert.deepEqual(problems({ contact: 'phone' }, { name: '=cmd|" /C calc"!A0', value: '01632 960 001' }), [{ field: 'contact-name', code: 'invalid' }]);
    for (const name of ['@SUM(1)', '+A1', '-2+3', '\t=1']) assert.ok(looksLikeFormula(name), name);
    for (const fine of ['Ann Jones', 'Siân ap Dafydd', '+44 1632 960 001', "O'Brien"]) assert.equal(looksLikeFormula(fine), false, fine);
    assert.deepEqual(problems({ contact: 'phone' }, { name: '', value: '+44 (0)1632 960-001' }), []);
    assert.deepEqual(problems({ contact: 'email' }, { name: 'Ann', value: 'ann.jones+hub@example.co.uk' }), []);
    assert.deepEqual(problems({ contact: 'none' }, { name: '', value: '' }), []);
    // The contract refuses the same bodies, so the server does.
    assert.equal(SubmissionInput.safeParse({ ...submissionFor(q, { contact: 'phone' }, noContact, 'en'), contact: { method: 'phone' } }).success, false);
    assert.equal(SubmissionInput.safeParse({ ...submissionFor(q, { contact: 'email' }, noContact, 'en'), contact: { method: 'email', value: '=HYPERLINK("x")' } }).success, false);
  });

  it('reads the way to get in touch from the `contact` answer: phone, email, or none', () => {
    assert.equal(contactMethod({ contact: 'phone' }), 'phone');
    assert.equal(contactMethod({ contact: 'email' }), 'email');
    assert.equal(contactMethod({ contact: 'post' }), 'none');
    assert.equal(contactMethod({ contact: ['email'] }), 'none');
    assert.equal(contactMethod({}), 'none');
  });

  it('saves every answer in a draft (hidden ones too) with where the person was', () => {
    const answers = { harder: ['food'], why: 'hidden now' };
    const draft = draftFor(q, answers, 'contact', 'en');
    assert.deepEqual(draft, { questionnaireId: 'send-test', version: 3, answers, at: 'contact', lang: 'en' });
    assert.equal(DraftInput.safeParse(draft).success, true);
  });
});

describe('resume codes as typed', () => {
  const code = (typed: string) => {
    const read = readResumeCode(typed);
    return read.kind === 'code' ? read.code : read.kind;
  };

  it('takes any case, spaces, dashes and dots, and the code as every page shows it', () => {
    assert.equal(code('km4t-9qxa'), 'KM4T9QXA');
    assert.equal(code(' ACDE FGHJ '), 'ACDEFGHJ');
    assert.equal(code('acde.fghj'), 'ACDEFGHJ');
    assert.equal(code(formatResumeCode('KM4T9QXA')), 'KM4T9QXA');
    assert.equal(code(RESUME_CODE_ALPHABET.slice(0, 8)), RESUME_CODE_ALPHABET.slice(0, 8));
  });

  it('shows a code one way everywhere: two groups of four', () => {
    assert.equal(formatResumeCode('KM4T9QXA'), 'KM4T 9QXA');
  });

  it('takes eight letters and numbers as a code in the right format, one that can never have been issued (look-alikes) as not found', () => {
    for (const typed of ['ABCDEFGH', 'abcd efgh', 'KM4T9QX0', 'KM4T9QX1', 'KM4T9QXS', 'KM4T9QXZ', 'KM4T9QXL']) assert.equal(code(typed), 'never-issued', typed);
  });

  it('turns down as malformed what is not eight letters and numbers', () => {
    for (const typed of ['KM4T9QX', 'KM4T9QXAA', 'nonsense!', '', 'KM4T_9QXA']) assert.equal(code(typed), 'malformed', typed);
  });
});
