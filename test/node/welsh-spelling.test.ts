import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import dictionary from 'dictionary-cy';
import nspell from 'nspell';
import { CATALOGUES, COMMON } from '../../scripts/catalogues.ts';
import type { Messages } from '../../src/i18n/localizer.ts';

/*
 * Welsh as written (#18): every Welsh string of every element and every
 * questionnaire passes a Hunspell spell-check (dictionary-cy), but for a
 * short reviewed list, and no Welsh string is the English left untranslated.
 */

/**
 * Words the dictionary does not know, each reviewed: names and codes, and
 * Welsh forms it lacks (a fluent reviewer should still read the catalogues).
 */
const ALLOWED = new Map<string, string>([
  ['Samaritans', 'a charity’s name'],
  ['Childline', 'a charity’s name'],
  ['Borchester', 'a seed place name'],
  ['ASCOF', 'the Adult Social Care Outcomes Framework'],
  ['CSV', 'a file type'],
  ['Enter', 'the key on the keyboard'],
  ['PPKY', 'part of an example booking reference'],
  ['DV', 'part of an example booking reference'],
  ['QXA', 'part of an example code'],
  ['JD', 'example initials'],
  ['AA', 'example initials, and WCAG AA'],
  ['G', 'part of an example booking reference'],
  ['T', 'part of an example code'],
  ['lawrlwythiad', 'download (noun), as GOV.UK Welsh and Microsoft Welsh use it'],
  ['Mewngofnodwch', 'log in (imperative), from mewngofnodi'],
  ['Arhoswch', 'wait (imperative), from aros'],
  ['gellir', 'can be (impersonal of gallu)'],
  ['ellir', 'can be (impersonal of gallu, soft-mutated)'],
  ['hoffen', 'they would like (hoffen nhw: conditional of hoffi)'],
  ['gallen', 'they could (gallen nhw: conditional of gallu)'],
  ['glywson', 'they heard (glywson nhw: spoken past of clywed, soft-mutated after “Sut”)'],
  ['p’un', 'which (pa un)'],
]);

/** Welsh texts that are the English word on purpose. */
const SAME_AS_ENGLISH = new Map<string, string>([['cls-resource-wheel resource.cost', '“Cost” is Welsh too']]);

/** Short forms that stand alone after an apostrophe or before one (i’r, mae’n, â’r, p’un): each part is checked. */
const CLITICS = new Set(['n', 'r', 'm', 'ch', 'i', 'u', 'w', 'th', 'â', 'a', 'o', 'y']);

function leaves(messages: Messages, prefix = ''): Array<[string, string]> {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

/** The Welsh of a questionnaire definition: every `cy` of its texts. */
function welshOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(welshOf);
  if (!node || typeof node !== 'object') return [];
  const { cy } = node as { cy?: unknown };
  return [...(typeof cy === 'string' ? [cy] : []), ...Object.entries(node).filter(([key]) => key !== 'cy' && key !== 'en').flatMap(([, value]) => welshOf(value))];
}

const questionnaires = readdirSync(new URL('../../server/questionnaires/', import.meta.url)).filter((file) => file.endsWith('.json'));
const texts = [
  ...[...CATALOGUES, { tag: 'common', ...COMMON }].flatMap(({ cy }) => leaves(cy).map(([, text]) => text)),
  ...questionnaires.flatMap((file) => welshOf(JSON.parse(readFileSync(new URL(`../../server/questionnaires/${file}`, import.meta.url), 'utf8')))),
];

describe('Welsh spelling', () => {
  // dictionary-cy gives Uint8Arrays; @types/nspell names Buffers (nspell reads either).
  const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  const known = (word: string) => spell.correct(word) || spell.correct(word.toLowerCase());

  it('knows every word of every Welsh string, but for the reviewed list', () => {
    const unknown = new Map<string, string>();
    let words = 0;
    for (const text of texts) {
      const plain = text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/\S+@\S+/g, ' ').replace(/'/g, '’');
      for (const token of plain.split(/[^\p{L}’]+/u)) {
        const word = token.replace(/^’+|’+$/g, '');
        if (!word) continue;
        words++;
        if (ALLOWED.has(word) || known(word.replace(/’/g, "'"))) continue;
        const parts = word.split('’').filter(Boolean);
        if (parts.length > 1 && parts.every((part) => CLITICS.has(part.toLowerCase()) || known(part))) continue;
        unknown.set(word, text.slice(0, 80));
      }
    }
    assert.ok(words > 5000, `the Welsh strings were read (${words} words)`);
    assert.deepEqual([...unknown.entries()].map(([word, where]) => `${word} (in “${where}”)`), []);
  });

  it('has no Welsh string that is the English one left untranslated', () => {
    const same: string[] = [];
    for (const { tag, en, cy } of [...CATALOGUES, { tag: 'common', ...COMMON }]) {
      const welsh = new Map(leaves(cy));
      for (const [key, english] of leaves(en)) {
        // Names, codes and placeholders alone are the same in both languages.
        if (welsh.get(key) !== english || !/\p{L}{3}/u.test(english.replace(/\{\{[^}]*\}\}/g, ''))) continue;
        if (!SAME_AS_ENGLISH.has(`${tag} ${key}`)) same.push(`${tag} ${key}: ${english}`);
      }
    }
    assert.deepEqual(same, []);
  });

  it('flags a misspelt word and English left in a Welsh string (the check can fail)', () => {
    assert.equal(known('Croeso'), true);
    assert.equal(known('Crosoe'), false);
    assert.equal(known('booking'), false);
  });
});
