import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { DeviceStore, wipeDevice, type DeviceStorage } from '../../src/core/device-store.ts';
import { headingLevels } from '../../src/core/heading-level.ts';

/** A Web Storage stand-in: the same five members the browser's has, backed by a Map. */
class MemoryStorage implements DeviceStorage {
  readonly items = new Map<string, string>();
  refuseWrites = false;
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuseWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const Plan = z.object({ ids: z.array(z.string()) });
const DAY = 24 * 60 * 60 * 1000;

function store(storage: MemoryStorage, clock: { now: number }, extra: Partial<ConstructorParameters<typeof DeviceStore>[0]> = {}) {
  return new DeviceStore({ key: 'cls-test', schema: Plan, maxAgeMs: 30 * DAY, storage: () => storage, now: () => clock.now, ...extra });
}

describe('DeviceStore', () => {
  it('reads back what it wrote, with when it was saved', () => {
    const storage = new MemoryStorage();
    const clock = { now: Date.UTC(2026, 0, 1) };
    const plan = store(storage, clock);
    assert.equal(plan.write({ ids: ['a', 'b'] }), true);
    assert.deepEqual(plan.read(), { data: { ids: ['a', 'b'] }, savedAt: clock.now });
  });

  it('drops a record older than its time to live, from the device too', () => {
    const storage = new MemoryStorage();
    const clock = { now: Date.UTC(2026, 0, 1) };
    const plan = store(storage, clock);
    plan.write({ ids: ['a'] });
    clock.now += 30 * DAY;
    assert.deepEqual(plan.read()?.data, { ids: ['a'] }, 'still there on its last day');
    clock.now += 1;
    assert.equal(plan.read(), undefined);
    assert.equal(storage.getItem('cls-test'), null);
  });

  it('sets aside a record that does not match its schema, or is not JSON', () => {
    const storage = new MemoryStorage();
    const clock = { now: 1_000 };
    const plan = store(storage, clock);
    storage.setItem('cls-test', JSON.stringify({ savedAt: 1_000, data: { ids: [1, 2] } }));
    assert.equal(plan.read(), undefined);
    assert.equal(storage.getItem('cls-test'), null);
    storage.setItem('cls-test', '{not json');
    assert.equal(plan.read(), undefined);
    assert.equal(storage.getItem('cls-test'), null);
  });

  it('does not trust a record saved in the future (a clock set wrong, a hand edit)', () => {
    const storage = new MemoryStorage();
    const clock = { now: Date.UTC(2026, 0, 1) };
    storage.setItem('cls-test', JSON.stringify({ savedAt: clock.now + 2 * DAY, data: { ids: [] } }));
    assert.equal(store(storage, clock).read(), undefined);
  });

  it('reads a record in the format before envelopes through its legacy reader', () => {
    const storage = new MemoryStorage();
    const clock = { now: 5_000 };
    storage.setItem('cls-test', JSON.stringify({ plan: ['x'] }));
    const legacy = (raw: unknown) => {
      const old = raw as { plan?: unknown };
      return Array.isArray(old.plan) ? { ids: old.plan.map(String) } : undefined;
    };
    assert.deepEqual(store(storage, clock, { legacy }).read(), { data: { ids: ['x'] }, savedAt: 5_000 });
    assert.equal(store(storage, clock).read(), undefined, 'without a legacy reader the old record is set aside');
  });

  it('reports a write the device refused, and keeps nothing without storage', () => {
    const storage = new MemoryStorage();
    storage.refuseWrites = true;
    const clock = { now: 0 };
    assert.equal(store(storage, clock).write({ ids: [] }), false);
    const none = new DeviceStore({ key: 'cls-none', schema: Plan, maxAgeMs: DAY, storage: () => undefined });
    assert.equal(none.write({ ids: [] }), false);
    assert.equal(none.read(), undefined);
  });

  it('refuses a key that the one wipe would not find', () => {
    assert.throws(() => new DeviceStore({ key: 'plan', schema: Plan, maxAgeMs: DAY, storage: () => undefined }), /cls-/);
  });
});

describe('wipeDevice', () => {
  it('removes every key an element kept, in every storage, and nothing of the host page', () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    local.setItem('cls-self-assessment:what-matters', '{}');
    local.setItem('cls-resource-wheel', '{}');
    local.setItem('host-cart', '3 items');
    session.setItem('cls-staff-token', 'x');
    assert.equal(wipeDevice([local, session, undefined]), 3);
    assert.deepEqual([...local.items.keys()], ['host-cart']);
    assert.equal(session.length, 0);
  });
});

describe('headingLevels', () => {
  it('puts the main heading where the page asks and the inner ones one below', () => {
    assert.deepEqual(headingLevels(3), { main: 3, sub: 4 });
    assert.deepEqual(headingLevels(2), { main: 2, sub: 3 });
  });

  it('keeps both within 2–6 whatever the page asks', () => {
    assert.deepEqual(headingLevels(6), { main: 6, sub: 6 });
    assert.deepEqual(headingLevels(9), { main: 6, sub: 6 });
    assert.deepEqual(headingLevels(1), { main: 2, sub: 3 });
    assert.deepEqual(headingLevels(Number.NaN), { main: 2, sub: 3 });
    assert.deepEqual(headingLevels(undefined), { main: 2, sub: 3 });
    assert.deepEqual(headingLevels(4.4), { main: 4, sub: 5 });
  });
});
