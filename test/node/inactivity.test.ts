import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { InactivityTimer, type Clock, type ExpiryReason, type InactivityTimerOptions } from '../../src/core/inactivity.ts';

const MINUTE = 60_000;

/**
 * A fake clock. `tick` runs each timer at its own due time (with `now` set to
 * that time), in order, like a real event loop that is never late; `jump`
 * moves time without running anything, like a machine that slept; `fireEarly`
 * runs whatever is pending at once, like a skewed timer.
 */
function fakeClock() {
  let now = 1_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const nextDue = (until: number) => {
    let best: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of timers) if (entry[1].at <= until && (!best || entry[1].at < best[1].at)) best = entry;
    return best;
  };
  return {
    clock,
    tick(ms: number) {
      const until = now + ms;
      for (let due = nextDue(until); due; due = nextDue(until)) {
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = until;
    },
    jump: (ms: number) => void (now += ms),
    /** Run the timers that are due now, as a late event loop finally would. */
    fire() {
      this.tick(0);
    },
    fireEarly() {
      for (const [id, timer] of [...timers]) {
        timers.delete(id);
        timer.callback();
      }
    },
    pending: () => timers.size,
  };
}


let fake = fakeClock();

/** A timer on the fake clock whose callbacks are recorded as events. */
function recorder(options: Partial<InactivityTimerOptions> & { timeoutMs: number }) {
  const events: string[] = [];
  const ticks: number[] = [];
  const timer = new InactivityTimer({
    onWarn: (remaining) => events.push(`warn ${remaining}`),
    onTick: (remaining) => ticks.push(remaining),
    onExpire: (reason: ExpiryReason) => events.push(`expire ${reason}`),
    clock: fake.clock,
    ...options,
  });
  return { timer, events, ticks };
}

describe('InactivityTimer', () => {
  beforeEach(() => {
    fake = fakeClock();
  });

  it('warns 2 minutes before the timeout, then expires at it', () => {
    const { timer, events } = recorder({ timeoutMs: 5 * MINUTE });
    timer.start();
    fake.tick(3 * MINUTE - 1);
    assert.deepEqual(events, []);
    assert.equal(timer.warning, false);
    fake.tick(1);
    assert.deepEqual(events, ['warn 120000']);
    assert.equal(timer.warning, true);
    assert.equal(timer.remainingMs, 2 * MINUTE);
    fake.tick(2 * MINUTE - 1);
    assert.deepEqual(events, ['warn 120000']);
    fake.tick(1);
    assert.deepEqual(events, ['warn 120000', 'expire timeout']);
    assert.equal(timer.warning, false);
    assert.equal(timer.running, false);
    assert.equal(timer.remainingMs, 0);
  });

  it('ticks once a second while warning, on whole seconds, and not before', () => {
    const { timer, ticks } = recorder({ timeoutMs: 5 * MINUTE });
    timer.start();
    fake.tick(3 * MINUTE);
    assert.deepEqual(ticks, []);
    fake.tick(3_000);
    assert.deepEqual(ticks, [119_000, 118_000, 117_000]);
    fake.tick(2 * MINUTE);
    assert.equal(ticks.length, 119, 'one tick per second down to 1 s; expiry, not a tick, marks 0');
    assert.equal(ticks.at(-1), 1_000);
  });

  it('postpones the warning when there is activity before it', () => {
    const { timer, events } = recorder({ timeoutMs: 5 * MINUTE });
    timer.start();
    fake.tick(2 * MINUTE);
    timer.activity();
    fake.tick(3 * MINUTE - 1);
    assert.deepEqual(events, []);
    fake.tick(1);
    assert.deepEqual(events, ['warn 120000']);
  });

  it('ignores activity while the warning shows: only extend() resets', () => {
    const { timer, events } = recorder({ timeoutMs: 5 * MINUTE });
    timer.start();
    fake.tick(3 * MINUTE + 10_000);
    timer.activity();
    assert.equal(timer.warning, true, 'a stray key press does not dismiss the warning');
    assert.equal(timer.remainingMs, 110_000);
    timer.extend();
    assert.equal(timer.warning, false);
    assert.equal(timer.remainingMs, 5 * MINUTE);
    fake.tick(2 * MINUTE);
    assert.deepEqual(events, ['warn 120000'], 'no expiry at the old deadline');
    fake.tick(MINUTE);
    assert.deepEqual(events, ['warn 120000', 'warn 120000'], 'warned again 3 minutes after extending');
  });

  it('stops ticking once extended', () => {
    const { timer, ticks } = recorder({ timeoutMs: 5 * MINUTE });
    timer.start();
    fake.tick(3 * MINUTE + 2_000);
    timer.extend();
    const before = ticks.length;
    fake.tick(2 * MINUTE);
    assert.equal(ticks.length, before);
  });

  it('expires at once, as "deleted", when the person asks', () => {
    const { timer, events } = recorder({ timeoutMs: 5 * MINUTE });
    timer.start();
    fake.tick(3 * MINUTE);
    timer.expireNow();
    assert.deepEqual(events, ['warn 120000', 'expire deleted']);
    assert.equal(timer.running, false);
    fake.tick(10 * MINUTE);
    assert.deepEqual(events, ['warn 120000', 'expire deleted'], 'nothing further fires');
  });

  it('does nothing when stopped: no callbacks, and activity/extend/expireNow do not restart it', () => {
    const { timer, events, ticks } = recorder({ timeoutMs: 5 * MINUTE });
    timer.start();
    fake.tick(3 * MINUTE + 5_000);
    timer.stop();
    assert.equal(fake.pending(), 0, 'stop() clears every timer it set');
    timer.activity();
    timer.extend();
    timer.expireNow();
    fake.tick(30 * MINUTE);
    assert.deepEqual(events, ['warn 120000']);
    assert.equal(ticks.length, 5);
    assert.equal(timer.running, false);
  });

  it('start() restarts from now and hides the warning', () => {
    const { timer, events } = recorder({ timeoutMs: 5 * MINUTE });
    timer.start();
    fake.tick(4 * MINUTE);
    timer.start();
    assert.equal(timer.warning, false);
    fake.tick(3 * MINUTE);
    assert.deepEqual(events, ['warn 120000', 'warn 120000']);
  });

  it('keeps the full warning and a minimum quiet spell when the timeout is short', () => {
    for (const timeoutMs of [2 * MINUTE, MINUTE, 1]) {
      const { timer, events } = recorder({ timeoutMs });
      assert.equal(timer.warnAfterMs, MINUTE);
      assert.equal(timer.timeoutMs, 3 * MINUTE);
      timer.start();
      fake.tick(MINUTE - 1);
      assert.deepEqual(events, [], `no warning within a minute of activity (timeout ${timeoutMs})`);
      fake.tick(1);
      assert.deepEqual(events, ['warn 120000']);
      fake.tick(2 * MINUTE);
      assert.deepEqual(events, ['warn 120000', 'expire timeout']);
    }
  });

  it('keeps a timeout of 3 minutes or more exactly, and honours custom warning periods', () => {
    assert.equal(new InactivityTimer({ timeoutMs: 3 * MINUTE, onWarn() {}, onExpire() {} }).timeoutMs, 3 * MINUTE);
    assert.equal(new InactivityTimer({ timeoutMs: 20 * MINUTE, onWarn() {}, onExpire() {} }).warnAfterMs, 18 * MINUTE);
    const custom = new InactivityTimer({ timeoutMs: 10_000, warnBeforeMs: 4_000, minIdleMs: 0, onWarn() {}, onExpire() {} });
    assert.deepEqual([custom.warnAfterMs, custom.timeoutMs], [6_000, 10_000]);
    const atOnce = new InactivityTimer({ timeoutMs: 1_000, warnBeforeMs: 4_000, minIdleMs: 0, onWarn() {}, onExpire() {} });
    assert.deepEqual([atOnce.warnAfterMs, atOnce.timeoutMs], [0, 4_000], 'with no quiet spell a short timeout warns at once');
  });

  it('rejects a timeout that is not a positive number', () => {
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => new InactivityTimer({ timeoutMs, onWarn() {}, onExpire() {} }), RangeError);
    }
    assert.throws(() => new InactivityTimer({ timeoutMs: MINUTE, warnBeforeMs: -1, onWarn() {}, onExpire() {} }), RangeError);
  });
});

describe('InactivityTimer when timers run late or early', () => {
  it('expires, not warns, when a late warning timer fires after the deadline', () => {
    const manual = fakeClock();
    const events: string[] = [];
    const timer = new InactivityTimer({ timeoutMs: 5 * MINUTE, clock: manual.clock, onWarn: (ms) => events.push(`warn ${ms}`), onExpire: (r) => events.push(r) });
    timer.start();
    manual.jump(6 * MINUTE);
    manual.fire();
    assert.deepEqual(events, ['timeout']);
  });

  it('warns with the time really left when the warning timer is late', () => {
    const manual = fakeClock();
    const events: string[] = [];
    const timer = new InactivityTimer({ timeoutMs: 5 * MINUTE, clock: manual.clock, onWarn: (ms) => events.push(`warn ${ms}`), onExpire: (r) => events.push(r) });
    timer.start();
    manual.jump(4 * MINUTE + 30_000);
    manual.fire();
    assert.deepEqual(events, ['warn 30000']);
  });

  it('expires on activity that comes after the deadline, so nobody finds the last person’s answers', () => {
    const manual = fakeClock();
    const events: string[] = [];
    const timer = new InactivityTimer({ timeoutMs: 5 * MINUTE, clock: manual.clock, onWarn: (ms) => events.push(`warn ${ms}`), onExpire: (r) => events.push(r) });
    timer.start();
    manual.jump(10 * MINUTE); // asleep: no timer ran
    timer.activity();
    assert.deepEqual(events, ['timeout']);
    assert.equal(timer.running, false);
  });

  it('waits out the rest when the expiry timer fires early', () => {
    const manual = fakeClock();
    const events: string[] = [];
    const timer = new InactivityTimer({ timeoutMs: 5 * MINUTE, clock: manual.clock, onWarn: () => events.push('warn'), onExpire: (r) => events.push(r) });
    timer.start();
    manual.jump(3 * MINUTE);
    manual.fire();
    manual.jump(2 * MINUTE - 1_000);
    manual.fireEarly();
    assert.deepEqual(events, ['warn'], 'not deleted a second early');
    manual.jump(1_000);
    manual.fire();
    assert.deepEqual(events, ['warn', 'timeout']);
  });
});

describe('InactivityTimer on the real clock', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
  afterEach(() => mock.timers.reset());

  it('uses the global timers and Date by default, looked up when called', () => {
    const events: string[] = [];
    // Constructed after the globals were replaced: the default clock must not have captured the originals.
    const timer = new InactivityTimer({ timeoutMs: 5 * MINUTE, onWarn: () => events.push('warn'), onExpire: (reason) => events.push(reason) });
    timer.start();
    mock.timers.tick(3 * MINUTE - 1);
    assert.deepEqual(events, []);
    mock.timers.tick(1);
    assert.deepEqual(events, ['warn']);
    assert.equal(timer.remainingMs, 2 * MINUTE);
    mock.timers.tick(2 * MINUTE);
    assert.deepEqual(events, ['warn', 'timeout']);
  });
});
