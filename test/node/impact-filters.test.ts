import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FILTER_PARAMS, dateProblem, filtersFromQuery, filtersToQuery, isDate, reportQuery } from '../../src/core/impact-filters.ts';
import { STAFF_TOKEN_KEY, forgetStaffToken, keepStaffToken, readStaffToken, type TokenStorage } from '../../src/core/staff-session.ts';

function memoryStorage(): TokenStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('impact filters', () => {
  it('reads real dates, a hub and a known outcome from the URL, and drops anything else', () => {
    const params = new URLSearchParams({ 'report-from': '2026-01-01', 'report-to': '2026-03-31', 'report-hub': 'hub-1', 'report-outcome': 'housing', q: 'kept' });
    assert.deepEqual(filtersFromQuery(params), { from: '2026-01-01', to: '2026-03-31', hub: 'hub-1', outcome: 'housing' });
    const junk = new URLSearchParams({ 'report-from': '2026-02-30', 'report-to': 'yesterday', 'report-hub': '<script>', 'report-outcome': 'nonsense' });
    assert.deepEqual(filtersFromQuery(junk), {});
  });

  it('swaps dates that run backwards rather than showing an error for a shared link', () => {
    assert.deepEqual(filtersFromQuery(new URLSearchParams({ 'report-from': '2026-05-01', 'report-to': '2026-01-01' })), { from: '2026-01-01', to: '2026-05-01' });
  });

  it('writes the filters into the query, keeps the page’s own parameters and round-trips', () => {
    const written = filtersToQuery({ from: '2026-01-01', hub: 'hub-2', outcome: 'benefits' }, new URLSearchParams({ q: 'x', [FILTER_PARAMS.to]: '2026-09-09' }));
    assert.equal(written.get('q'), 'x');
    assert.equal(written.get(FILTER_PARAMS.to), null, 'a filter cleared is removed from the URL');
    assert.deepEqual(filtersFromQuery(written), { from: '2026-01-01', hub: 'hub-2', outcome: 'benefits' });
  });

  it('asks the report routes for the dates, hub and outcome chosen, and nothing for a filter left empty', () => {
    assert.deepEqual(reportQuery({ from: '2026-01-01', to: '2026-02-01', hub: 'h', outcome: 'closed' }), { from: '2026-01-01', to: '2026-02-01', hub: 'h', outcome: 'closed' });
    assert.deepEqual(reportQuery({ hub: 'h' }), { hub: 'h' });
    assert.deepEqual(reportQuery({}), {});
  });

  it('says what is wrong with typed dates', () => {
    assert.equal(isDate('2024-02-29'), true);
    assert.equal(isDate('2025-02-29'), false);
    assert.equal(dateProblem('2026-13-01', ''), 'from-invalid');
    assert.equal(dateProblem('', 'soon'), 'to-invalid');
    assert.equal(dateProblem('2026-02-01', '2026-01-01'), 'backwards');
    assert.equal(dateProblem('2026-01-01', '2026-01-01'), undefined);
    assert.equal(dateProblem('', ''), undefined);
  });
});

describe('staff session', () => {
  it('keeps a trimmed token under one key, reads it back and forgets it', () => {
    const storage = memoryStorage();
    assert.equal(readStaffToken(storage), undefined);
    assert.equal(keepStaffToken(storage, '  secret  '), 'secret');
    assert.equal(storage.map.get(STAFF_TOKEN_KEY), 'secret');
    assert.equal(readStaffToken(storage), 'secret');
    forgetStaffToken(storage);
    assert.equal(readStaffToken(storage), undefined);
  });

  it('treats a blank token as signing out, and survives storage that refuses', () => {
    const storage = memoryStorage();
    keepStaffToken(storage, 'secret');
    assert.equal(keepStaffToken(storage, '   '), undefined);
    assert.equal(storage.map.size, 0);
    const refusing: TokenStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    assert.equal(keepStaffToken(refusing, 'secret'), 'secret');
    assert.equal(readStaffToken(refusing), undefined);
    assert.doesNotThrow(() => forgetStaffToken(refusing));
    assert.equal(readStaffToken(undefined), undefined);
  });
});
