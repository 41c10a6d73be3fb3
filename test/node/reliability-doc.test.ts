import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HOSTILE_TEXT } from '../fixtures/hostile-text.ts';
import { FAULTS } from '../support/fault-matrix.ts';

const doc = readFileSync(new URL('../../docs/reliability.md', import.meta.url), 'utf8');

describe('docs/reliability.md', () => {
  it('has a row for every fault the fault suite sends writes through, with what the resident is told', () => {
    for (const fault of FAULTS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${fault.mode}\` |`));
      assert.ok(row, `a row for ${fault.mode}`);
      assert.ok(row.includes(fault.what), `${fault.mode}: ${fault.what}`);
      assert.ok(row.includes(`\`${fault.says}\``), `${fault.mode}: ${fault.says}`);
      assert.ok(row.includes(fault.processed ? '| yes |' : '| no |'), `${fault.mode}: processed or not`);
    }
  });

  it('names the writes, the size of the hostile corpus and each test file it cites, which exist', () => {
    for (const write of ['feedback', 'draft', 'submission', 'booking', 'cancellation', 'move']) assert.match(doc, new RegExp(`\\b${write}\\b`));
    assert.match(doc, new RegExp(`\\b${HOSTILE_TEXT.length} hostile strings\\b`));
    for (const [, path] of doc.matchAll(/`(test\/(?:node|browser|e2e)\/[\w.-]+\.test\.ts)`/g)) {
      assert.doesNotThrow(() => readFileSync(new URL(`../../${path}`, import.meta.url)), `${path} exists`);
    }
  });
});
