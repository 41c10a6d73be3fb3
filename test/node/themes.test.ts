import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

/*
 * The example themes in themes/: each sets only tokens the elements read (a
 * misspelt one would silently change nothing), and each is in the browser
 * test that checks its contrast with axe.
 */
const TOKENS = new Set([...readFileSync('src/theme/tokens.ts', 'utf8').matchAll(/var\((--cls-[a-z0-9-]+)/g)].map((match) => match[1]));
const THEME_FILES = readdirSync('themes').filter((file) => file.endsWith('.css'));
const BROWSER_TEST = readFileSync('test/browser/themes.test.ts', 'utf8');

describe('example themes', () => {
  it('ships a council blue, a high-contrast and a Welsh council theme', () => {
    for (const file of ['council-blue.css', 'high-contrast.css', 'welsh-council.css']) assert.ok(THEME_FILES.includes(file), file);
  });

  for (const file of THEME_FILES) {
    it(`${file} sets only tokens the elements read, and is contrast-checked in the browser`, () => {
      const text = readFileSync(`themes/${file}`, 'utf8');
      const set = [...text.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((match) => match[1]);
      assert.ok(set.length >= 5, 'a theme sets several tokens');
      assert.deepEqual(set.filter((name) => !TOKENS.has(name)), [], 'tokens no element reads');
      assert.match(BROWSER_TEST, new RegExp(`'${file.replace(/\.css$/, '')}'`), 'listed in test/browser/themes.test.ts');
    });
  }
});
