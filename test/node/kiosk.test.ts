import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_IDLE_SECONDS, DEFAULT_WARNING_SECONDS, MAX_SECONDS, addressForNextPerson, historyForNextPerson, kioskTiming } from '../../src/core/kiosk.ts';

describe('kiosk: timing', () => {
  it('warns after the idle time and clears after the warning', () => {
    assert.deepEqual(kioskTiming(180, 60), { timeoutMs: 240_000, warnBeforeMs: 60_000, minIdleMs: 180_000 });
    assert.deepEqual(kioskTiming(30, 10), { timeoutMs: 40_000, warnBeforeMs: 10_000, minIdleMs: 30_000 });
  });

  it('takes the defaults for what an attribute cannot mean', () => {
    const defaults = kioskTiming(DEFAULT_IDLE_SECONDS, DEFAULT_WARNING_SECONDS);
    for (const bad of [undefined, 0, -5, Number.NaN, Number.POSITIVE_INFINITY, 0.4]) assert.deepEqual(kioskTiming(bad, bad), defaults, String(bad));
    assert.equal(kioskTiming(90.6, 20).minIdleMs, 91_000, 'whole seconds');
  });

  it('waits a day at most: a longer wait would overflow the browser’s timer and warn at once', () => {
    assert.deepEqual(kioskTiming(10 ** 9, 10 ** 9), { timeoutMs: 2 * MAX_SECONDS * 1000, warnBeforeMs: MAX_SECONDS * 1000, minIdleMs: MAX_SECONDS * 1000 });
    assert.ok(kioskTiming(10 ** 9, 10 ** 9).timeoutMs < 2 ** 31 - 1);
  });
});

describe('kiosk: the address for the next person', () => {
  it('drops every cls- parameter and the manage link’s key, keeping the host’s own query and fragment', () => {
    assert.equal(addressForNextPerson('https://library.example/help?page=2&cls-booking=ABCD-1234&key=s3cret&cls-resume=WXYZ#top'), 'https://library.example/help?page=2#top');
    assert.equal(addressForNextPerson('https://library.example/help?cls-plan=abc'), 'https://library.example/help');
  });

  it('leaves a host’s own `key` alone when there is no manage link', () => {
    assert.equal(addressForNextPerson('https://library.example/help?key=site-search&cls-resume=WXYZ'), 'https://library.example/help?key=site-search');
  });

  it('says there is nothing to do when nothing is personal, or the address is unreadable', () => {
    assert.equal(addressForNextPerson('https://library.example/help?page=2#top'), undefined);
    assert.equal(addressForNextPerson('not a url'), undefined);
  });
});

describe('kiosk: history state for the next person', () => {
  it('drops the elements’ cls- keys and keeps the host’s own', () => {
    assert.deepEqual(historyForNextPerson({ tab: 2, 'cls-self-assessment:what-matters': 'q:3' }), { tab: 2 });
  });

  it('leaves a state that is not the elements’ alone', () => {
    assert.equal(historyForNextPerson(null), null);
    assert.equal(historyForNextPerson('host'), 'host');
    assert.deepEqual(historyForNextPerson(['a']), ['a']);
  });
});
