import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BookingReference, normaliseBookingReference } from '../../src/contract/bookings.ts';
import { FEEDBACK_COMMENT_MAX, FeedbackInput } from '../../src/contract/feedback.ts';
import { Problem } from '../../src/contract/problem.ts';
import { LocalisedQuestionnaire, QuestionnaireDefinition } from '../../src/contract/questionnaire.ts';

const valid = { helpful: 4, ease: 5 };

const accepts = (input: unknown) => FeedbackInput.safeParse(input).success;

/** The paths (dotted) of every issue when `input` is rejected; fails the test when it is accepted. */
function rejectedPaths(input: unknown): string[] {
  const result = FeedbackInput.safeParse(input);
  assert.equal(result.success, false, `expected ${JSON.stringify(input)} to be rejected`);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.map(String).join('.'));
}

describe('FeedbackInput', () => {
  it('accepts the two scores alone and a fully filled-in form', () => {
    assert.deepEqual(FeedbackInput.parse(valid), { helpful: 4, ease: 5 });
    const full = { helpful: 1, ease: 3, comment: 'Friendly and quick', hub: 'Library Hub', source: 'hub-finder', lang: 'cy' };
    assert.deepEqual(FeedbackInput.parse(full), full);
  });

  it('requires both scores', () => {
    assert.deepEqual(rejectedPaths({}), ['helpful', 'ease']);
    assert.deepEqual(rejectedPaths({ helpful: 3 }), ['ease']);
  });

  it('trims the comment, and treats a blank comment as no comment', () => {
    assert.equal(FeedbackInput.parse({ ...valid, comment: '  Very kind staff \n' }).comment, 'Very kind staff');
    assert.equal(FeedbackInput.parse({ ...valid, comment: '' }).comment, undefined);
    assert.equal(FeedbackInput.parse({ ...valid, comment: ' \n\t ' }).comment, undefined);
    // Nothing blank reaches the wire.
    assert.equal(JSON.stringify(FeedbackInput.parse({ ...valid, comment: '   ' })), '{"helpful":4,"ease":5}');
  });

  for (const score of [0, 6, 2.5, '3', -1, null, Number.NaN]) {
    it(`rejects the score ${JSON.stringify(score)} for either question`, () => {
      assert.deepEqual(rejectedPaths({ helpful: score, ease: 3 }), ['helpful']);
      assert.deepEqual(rejectedPaths({ helpful: 3, ease: score }), ['ease']);
    });
  }

  it('accepts every whole score from 1 to 5', () => {
    for (const score of [1, 2, 3, 4, 5]) assert.ok(accepts({ helpful: score, ease: score }), `score ${score}`);
  });

  it(`limits the comment to ${FEEDBACK_COMMENT_MAX} characters, counted after trimming`, () => {
    assert.equal(FEEDBACK_COMMENT_MAX, 1000);
    const atLimit = 'a'.repeat(1000);
    assert.equal(FeedbackInput.parse({ ...valid, comment: atLimit }).comment, atLimit);
    // Surrounding white space does not count against the resident.
    assert.equal(FeedbackInput.parse({ ...valid, comment: `   ${atLimit}\n\n` }).comment, atLimit);
    assert.deepEqual(rejectedPaths({ ...valid, comment: 'a'.repeat(1001) }), ['comment']);
    assert.deepEqual(rejectedPaths({ ...valid, comment: ` ${'a'.repeat(1001)} ` }), ['comment']);
  });

  it('rejects a comment that is not text', () => {
    assert.deepEqual(rejectedPaths({ ...valid, comment: 42 }), ['comment']);
  });

  for (const field of ['hub', 'source'] as const) {
    it(`limits ${field} to 120 characters after trimming, and treats blank as absent`, () => {
      assert.equal(FeedbackInput.parse({ ...valid, [field]: 'x'.repeat(120) })[field], 'x'.repeat(120));
      assert.equal(FeedbackInput.parse({ ...valid, [field]: '  Town Hall  ' })[field], 'Town Hall');
      assert.equal(FeedbackInput.parse({ ...valid, [field]: ` ${'x'.repeat(120)} ` })[field], 'x'.repeat(120));
      assert.deepEqual(rejectedPaths({ ...valid, [field]: 'x'.repeat(121) }), [field]);
      assert.equal(FeedbackInput.parse({ ...valid, [field]: '' })[field], undefined);
      assert.equal(FeedbackInput.parse({ ...valid, [field]: '   ' })[field], undefined);
    });
  }

  it('accepts only English and Welsh as the language', () => {
    assert.ok(accepts({ ...valid, lang: 'en' }));
    assert.ok(accepts({ ...valid, lang: 'cy' }));
    assert.deepEqual(rejectedPaths({ ...valid, lang: 'fr' }), ['lang']);
    assert.deepEqual(rejectedPaths({ ...valid, lang: 'CY' }), ['lang']);
  });

  it('drops keys it does not know instead of passing them on', () => {
    assert.deepEqual(FeedbackInput.parse({ ...valid, name: 'Jane Doe' }), valid);
  });
});

describe('normaliseBookingReference', () => {
  it('reads a reference as typed or read out: any case, spaces anywhere, with or without the dash', () => {
    for (const typed of ['ACDE-FGHJ', 'acde-fghj', ' acde fghj ', 'ACDEFGHJ', 'a c d e f g h j', '\tAcDe-FgHj\n']) {
      assert.equal(normaliseBookingReference(typed), 'ACDE-FGHJ', JSON.stringify(typed));
      assert.ok(BookingReference.safeParse(normaliseBookingReference(typed)).success);
    }
  });

  it('puts no dash into anything but eight letters and digits, so the check still refuses it', () => {
    assert.equal(normaliseBookingReference('ACDEFGH'), 'ACDEFGH');
    assert.equal(normaliseBookingReference('ACDEFGHJK'), 'ACDEFGHJK');
    assert.equal(normaliseBookingReference('ACD-EFGHJ'), 'ACD-EFGHJ');
    assert.equal(normaliseBookingReference(''), '');
    // Look-alikes are not corrected: 0 is not read as O.
    assert.equal(normaliseBookingReference('acde0ghj'), 'ACDE-0GHJ');
    assert.equal(BookingReference.safeParse('ACDE-0GHJ').success, false);
  });
});

describe('Problem', () => {
  it('accepts a real validation problem body', () => {
    const body = {
      type: 'https://community-led-widgets.dev/problems/validation-failed',
      title: 'The request body is not valid',
      status: 422,
      code: 'validation-failed',
      errors: [
        { path: 'helpful', code: 'required', message: 'Invalid input' },
        { path: 'comment', code: 'too-long', message: 'Too long' },
      ],
    };
    assert.deepEqual(Problem.parse(body), body);
  });

  it('accepts a problem with a detail and no field errors', () => {
    const body = { type: 'about:blank', title: 'Too many requests', status: 429, code: 'rate-limited', detail: 'Try again in 60 seconds.' };
    assert.deepEqual(Problem.parse(body), body);
  });

  it('rejects an unknown code, a non-error status, or a missing title', () => {
    const base = { type: 'about:blank', title: 'Nope', status: 400, code: 'invalid-json' };
    assert.ok(Problem.safeParse(base).success);
    assert.equal(Problem.safeParse({ ...base, code: 'teapot' }).success, false);
    assert.equal(Problem.safeParse({ ...base, status: 200 }).success, false);
    assert.equal(Problem.safeParse({ ...base, status: 600 }).success, false);
    const { title: _title, ...untitled } = base;
    assert.equal(Problem.safeParse(untitled).success, false);
  });
});

describe('Questionnaire cross-checks', () => {
  /** A small localised definition; `en` wraps every text as a LocalText for the source schema. */
  function questionnaire(en: boolean, patch: (q: { questions: Record<string, unknown>[]; outcomes: Record<string, unknown> }) => void = () => {}) {
    const t = (text: string) => (en ? { en: text } : text);
    const q = {
      id: 'check',
      version: 1,
      title: t('Check'),
      intro: [t('About')],
      minutes: 5,
      consent: t('We keep it.'),
      questions: [
        { id: 'carer', type: 'single', title: t('Carer?'), options: [{ value: 'yes', label: t('Yes'), followUp: { label: t('More') } }, { value: 'no', label: t('No') }] },
        { id: 'hard', type: 'multiple', title: t('Hard?'), showIf: { question: 'carer', equals: 'yes' }, options: [{ value: 'sleep', label: t('Sleep') }, { value: 'money', label: t('Money') }] },
        { id: 'good-at', type: 'long-text', title: t('Good at?'), optional: true },
      ] as Record<string, unknown>[],
      outcomes: {
        areas: [{ area: 'carer-health', label: t('Health'), when: { any: [{ question: 'hard', includes: 'sleep' }, { question: 'hard', atLeast: 2 }] } }],
        strengths: ['good-at'],
        nextSteps: [{ step: 'community', title: t('Try'), body: t('Groups'), when: { not: { question: 'carer', answered: false } } }, { step: 'hub-conversation', title: t('Talk'), body: t('Hub') }],
      } as Record<string, unknown>,
    };
    patch(q);
    return q;
  }

  const schemas = [
    ['QuestionnaireDefinition', QuestionnaireDefinition, true],
    ['LocalisedQuestionnaire', LocalisedQuestionnaire, false],
  ] as const;

  for (const [name, schema, en] of schemas) {
    const issues = (input: unknown) => {
      const result = schema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]);
    };

    it(`${name}: accepts a definition whose ids, options and references are sound`, () => {
      assert.deepEqual(issues(questionnaire(en)), []);
    });

    it(`${name}: refuses a question id used twice, pointing at the second`, () => {
      const input = questionnaire(en, (q) => {
        q.questions.push({ ...q.questions[2], title: en ? { en: 'Again' } : 'Again' });
      });
      assert.deepEqual(issues(input), [['questions.3.id', 'Question id "good-at" is used twice']]);
    });

    it(`${name}: refuses an option value used twice within a question, but not across questions`, () => {
      const input = questionnaire(en, (q) => {
        const hard = q.questions[1] ?? {};
        q.questions[1] = { ...hard, options: [...(hard.options as unknown[]), { value: 'sleep', label: en ? { en: 'Sleep' } : 'Sleep' }, { value: 'yes', label: en ? { en: 'Yes' } : 'Yes' }] };
      });
      assert.deepEqual(issues(input), [['questions.1.options.2.value', 'Option value "sleep" is used twice in question "hard"']]);
    });

    it(`${name}: refuses conditions and strengths naming a question it does not have, at the exact place`, () => {
      const input = questionnaire(en, (q) => {
        q.questions[1] = { ...q.questions[1], showIf: { all: [{ question: 'carer', equals: 'yes' }, { not: { question: 'caring', answered: false } }] } };
        q.outcomes = {
          ...q.outcomes,
          areas: [{ area: 'carer-health', label: en ? { en: 'Health' } : 'Health', when: { any: [{ question: 'hard', includes: 'sleep' }, { question: 'sleeping', atLeast: 2 }] } }],
          strengths: ['good-at', 'people'],
          nextSteps: [{ step: 'community', title: en ? { en: 'Try' } : 'Try', body: en ? { en: 'Groups' } : 'Groups', when: { question: 'mood', atMost: 2 } }],
        };
      });
      assert.deepEqual(issues(input), [
        ['questions.1.showIf.all.1.not.question', 'Condition refers to unknown question "caring"'],
        ['outcomes.areas.0.when.any.1.question', 'Condition refers to unknown question "sleeping"'],
        ['outcomes.nextSteps.0.when.question', 'Condition refers to unknown question "mood"'],
        ['outcomes.strengths.1', 'Strength refers to unknown question "people"'],
      ]);
    });

    it(`${name}: keeps follow-up keys unambiguous, since ids and option values cannot contain a dot`, () => {
      assert.notDeepEqual(issues(questionnaire(en, (q) => void (q.questions[2] = { ...q.questions[2], id: 'carer.yes' }))), []);
      const dotted = questionnaire(en, (q) => {
        const carer = q.questions[0] ?? {};
        q.questions[0] = { ...carer, options: [{ value: 'yes.no', label: en ? { en: 'Odd' } : 'Odd' }, { value: 'no', label: en ? { en: 'No' } : 'No' }] };
      });
      assert.ok(issues(dotted).some(([path]) => path === 'questions.0.options.0.value'));
    });
  }
});
