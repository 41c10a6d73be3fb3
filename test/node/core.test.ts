import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { characterCount } from '../../src/core/character-count.ts';
import { FEEDBACK_COMMENT_MAX, FeedbackInput } from '../../src/contract/feedback.ts';
import { fieldErrors } from '../../src/core/field-errors.ts';
import { IDEMPOTENCY_KEY_PATTERN, newIdempotencyKey } from '../../src/core/idempotency.ts';
import { servicePhone, servicePlace, telHref } from '../../src/core/service-contact.ts';

/** The field errors a resident would see for `input`, from the real schema's issues. */
function errorsFor(input: Record<string, unknown>) {
  const result = FeedbackInput.safeParse(input);
  assert.equal(result.success, false, `expected ${JSON.stringify(input)} to be rejected`);
  return result.success ? [] : fieldErrors(result.error.issues, input);
}

describe('fieldErrors', () => {
  it('reports unanswered scores as required, in the order of the form', () => {
    assert.deepEqual(errorsFor({}), [
      { field: 'helpful', code: 'required' },
      { field: 'ease', code: 'required' },
    ]);
    assert.deepEqual(errorsFor({ helpful: null, ease: 2 }), [{ field: 'helpful', code: 'required' }]);
  });

  it('reports a comment over the limit as too-long', () => {
    assert.deepEqual(errorsFor({ helpful: 3, ease: 3, comment: 'x'.repeat(1001) }), [{ field: 'comment', code: 'too-long' }]);
  });

  it('reports numbers out of range as too-big / too-small, not as too-long', () => {
    assert.deepEqual(errorsFor({ helpful: 6, ease: 0 }), [
      { field: 'helpful', code: 'too-big' },
      { field: 'ease', code: 'too-small' },
    ]);
  });

  it('reports wrong kinds of value as invalid', () => {
    assert.deepEqual(errorsFor({ helpful: 2.5, ease: '3', lang: 'fr' }), [
      { field: 'helpful', code: 'invalid' },
      { field: 'ease', code: 'invalid' },
      { field: 'lang', code: 'invalid' },
    ]);
    assert.deepEqual(errorsFor({ helpful: 1, ease: 1, comment: 42 }), [{ field: 'comment', code: 'invalid' }]);
  });

  it('reports a label over 120 characters as too-long', () => {
    assert.deepEqual(errorsFor({ helpful: 1, ease: 1, source: 's'.repeat(121) }), [{ field: 'source', code: 'too-long' }]);
  });

  it('gives one error per field even when a field has several issues', () => {
    const issues = [
      { code: 'too_big', path: ['comment'], origin: 'string' },
      { code: 'custom', path: ['comment'] },
      { code: 'invalid_type', path: ['helpful'] },
    ];
    const input = { comment: 'x'.repeat(2000), helpful: 'a' };
    assert.deepEqual(fieldErrors(issues, input), [
      { field: 'comment', code: 'too-long' },
      { field: 'helpful', code: 'invalid' },
    ]);
  });

  it('joins nested paths with dots and reads the nested value', () => {
    const issues = [
      { code: 'too_small', path: ['answers', 'q3'], origin: 'string' },
      { code: 'too_small', path: ['answers', 'q4'], origin: 'array' },
      { code: 'too_small', path: ['people', 0, 'age'], origin: 'number' },
    ];
    const input = { answers: { q3: '  ', q4: ['a'] }, people: [{ age: -1 }] };
    assert.deepEqual(fieldErrors(issues, input), [
      { field: 'answers.q3', code: 'required' },
      { field: 'answers.q4', code: 'too-short' },
      { field: 'people.0.age', code: 'too-small' },
    ]);
  });

  it('returns nothing when there are no issues', () => {
    assert.deepEqual(fieldErrors([], { helpful: 1 }), []);
  });
});

describe('characterCount', () => {
  it('counts what is left of the limit', () => {
    assert.deepEqual(characterCount('', 10), { remaining: 10, over: false, worthAnnouncing: false });
    assert.deepEqual(characterCount('hello', 10), { remaining: 5, over: false, worthAnnouncing: false });
  });

  it('ignores white space around the text, as the server does', () => {
    assert.equal(characterCount('   hello \n', 10).remaining, 5);
  });

  it('counts an emoji or other astral character once, as the server does', () => {
    const comment = '😀'.repeat(501);
    assert.deepEqual(characterCount(comment, FEEDBACK_COMMENT_MAX), { remaining: 499, over: false, worthAnnouncing: false });
    // The contract the server applies agrees: 1,000 emoji fit, 1,001 do not.
    assert.equal(FeedbackInput.safeParse({ helpful: 3, ease: 3, comment: '😀'.repeat(1000) }).success, true);
    assert.equal(FeedbackInput.safeParse({ helpful: 3, ease: 3, comment: '😀'.repeat(1001) }).success, false);
    assert.equal(characterCount('😀'.repeat(1001), FEEDBACK_COMMENT_MAX).over, true);
    const padded = `  ${'a'.repeat(1000)}  `;
    assert.equal(characterCount(padded, 1000).over, false);
    assert.equal(FeedbackInput.safeParse({ helpful: 1, ease: 1, comment: padded }).success, true);
  });

  it('agrees with the schema about where the limit is', () => {
    for (const length of [999, 1000, 1001]) {
      const text = 'é'.repeat(length);
      const counted = characterCount(text, 1000);
      const accepted = FeedbackInput.safeParse({ helpful: 1, ease: 1, comment: text }).success;
      assert.equal(counted.over, !accepted, `length ${length}`);
    }
  });

  it('goes negative and reports over when past the limit', () => {
    assert.deepEqual(characterCount('abcdefghijkl', 10), { remaining: -2, over: true, worthAnnouncing: true });
  });

  it('is worth announcing within the last quarter of the limit by default', () => {
    // A quarter of 1000 is 250.
    assert.equal(characterCount('a'.repeat(749), 1000).worthAnnouncing, false);
    assert.equal(characterCount('a'.repeat(750), 1000).worthAnnouncing, true);
    assert.equal(characterCount('a'.repeat(1000), 1000).worthAnnouncing, true);
  });

  it('takes its own announcing threshold', () => {
    assert.equal(characterCount('a'.repeat(89), 100, 10).worthAnnouncing, false);
    assert.equal(characterCount('a'.repeat(90), 100, 10).worthAnnouncing, true);
  });
});

describe('newIdempotencyKey', () => {
  it('makes keys the server accepts', () => {
    for (let i = 0; i < 20; i++) assert.match(newIdempotencyKey(), IDEMPOTENCY_KEY_PATTERN);
  });

  it('makes a different key every time', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newIdempotencyKey()));
    assert.equal(keys.size, 1000);
  });
});

describe('IDEMPOTENCY_KEY_PATTERN', () => {
  it('accepts 8 to 128 visible ASCII characters', () => {
    assert.match('abcdefgh', IDEMPOTENCY_KEY_PATTERN);
    assert.match('~'.repeat(128), IDEMPOTENCY_KEY_PATTERN);
    assert.match('!#$%&()*+,-./:;<=>?@[]^_`{|}~', IDEMPOTENCY_KEY_PATTERN);
  });

  it('rejects short, long, spaced and non-ASCII keys', () => {
    for (const key of ['', 'abcdefg', 'a'.repeat(129), 'abcd efgh', 'abcdefgh\n', 'clé-unique-1', 'abc\tdefgh']) {
      assert.doesNotMatch(key, IDEMPOTENCY_KEY_PATTERN, JSON.stringify(key));
    }
  });
});

describe('how to reach a service', () => {
  const location = (name: string | undefined, address: Record<string, string>) => ({ id: 'l', name, address, accessibility: [] });
  it('writes the place once per part, the service phone before its organisation\'s, and a tel: link of digits', () => {
    assert.equal(servicePlace({ locations: [location('Aberwen Library', { line1: 'Stryd y Bont', city: 'Aberwen', postcode: 'SY16 1HS' })] }), 'Aberwen Library, Stryd y Bont, Aberwen, SY16 1HS');
    assert.equal(servicePlace({ locations: [location('Aberwen', { city: 'Aberwen ' })] }), 'Aberwen', 'a part said twice is written once');
    assert.equal(servicePlace({ locations: [] }), undefined);
    assert.equal(servicePhone({ phone: '01632 960 001', organization: { id: 'o', name: 'O', phone: '01632 960 999' } }), '01632 960 001');
    assert.equal(servicePhone({ organization: { id: 'o', name: 'O', phone: '01632 960 999' } }), '01632 960 999');
    assert.equal(telHref('+44 (0)1632 960-001'), 'tel:+4401632960001');
  });
});
