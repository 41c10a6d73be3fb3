import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DraftInput, LocalisedQuestionnaire, RESUME_CODE_ALPHABET, SubmissionInput } from '../../src/contract/questionnaire.ts';
import { contactMethod, draftFor, readResumeCode, submissionFor } from '../../src/core/questionnaire-submission.ts';

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
    assert.equal(details({}, { name: '  ', value: 'ann@example.org' }), undefined, 'no name, no way: nothing');
    assert.deepEqual(details({ contact: 'none' }, { name: ' Ann ', value: 'ann@example.org' }), { name: 'Ann', method: 'none' });
    assert.deepEqual(details({ contact: 'email' }, { name: 'Ann', value: ' ann@example.org ' }), { name: 'Ann', method: 'email', value: 'ann@example.org' });
    assert.deepEqual(details({ contact: 'phone' }, { name: '', value: '01632 960 001' }), { name: '-', method: 'phone', value: '01632 960 001' });
    assert.deepEqual(details({ contact: 'phone' }, { name: 'Bob', value: '   ' }), { name: 'Bob', method: 'phone' });
    for (const contact of [{ name: 'Ann', value: '' }, { name: '', value: '01632 960 001' }]) {
      assert.equal(SubmissionInput.safeParse(submissionFor(q, { contact: 'phone' }, contact, 'en')).success, true);
    }
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
  it('takes any case, spaces and dashes', () => {
    assert.equal(readResumeCode('km4t-9qxa'), 'KM4T9QXA');
    assert.equal(readResumeCode(' ACDE FGHJ '), 'ACDEFGHJ');
    assert.equal(readResumeCode(RESUME_CODE_ALPHABET.slice(0, 8)), RESUME_CODE_ALPHABET.slice(0, 8));
  });

  it('refuses what the server never issues: look-alike characters, the wrong length, anything else', () => {
    for (const typed of ['ABCDEFGH', 'KM4T9QX0', 'KM4T9QX1', 'KM4T9QXS', 'KM4T9QXZ', 'KM4T9QXL', 'KM4T9QX', 'KM4T9QXAA', 'nonsense!', '', 'KM4T_9QXA']) {
      assert.equal(readResumeCode(typed), undefined, typed);
    }
  });
});
