import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FEEDBACK_COMMENT_MAX, FeedbackInput } from '../../src/contract/feedback.ts';
import { Problem } from '../../src/contract/problem.ts';

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
