import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Outbox, type OutboxItem, type OutboxStore, type SendResult } from '../../src/core/outbox.ts';
import { blankDraft, draftOfVisit, draftToInput, nextDraft } from '../../src/core/visit-draft.ts';
import { VisitInput } from '../../src/contract/staff.ts';

function memoryStore(): OutboxStore & { map: Map<string, OutboxItem> } {
  const map = new Map<string, OutboxItem>();
  return {
    map,
    values: async () => [...map.values()],
    set: async (key, item) => void map.set(key, item),
    del: async (key) => void map.delete(key),
  };
}

const item = (key: string, queuedAt: number): OutboxItem => ({ key, kind: 'visit', body: { n: key }, queuedAt });

describe('outbox', () => {
  it('sends oldest first, each once, and forgets what was sent', async () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    await outbox.add(item('b', 2));
    await outbox.add(item('a', 1));
    await outbox.add(item('c', 3));
    const sent: string[] = [];
    const report = await outbox.flush(async (next) => (sent.push(next.key), { kind: 'sent' }));
    assert.deepEqual(sent, ['a', 'b', 'c']);
    assert.deepEqual(report, { sent: 3, refused: [], stopped: undefined, waiting: 0 });
    assert.equal((await outbox.flush(async () => assert.fail('nothing left to send'))).sent, 0);
  });

  it('stops at the first item that must wait, keeping it and the rest', async () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    for (const [index, key] of ['a', 'b', 'c'].entries()) await outbox.add(item(key, index));
    const answers: SendResult[] = [{ kind: 'sent' }, { kind: 'later' }];
    const report = await outbox.flush(async () => answers.shift() ?? assert.fail('sent after a failure'));
    assert.equal(report.sent, 1);
    assert.equal(report.stopped, 'later');
    assert.deepEqual([...store.map.keys()].sort(), ['b', 'c']);
  });

  it('keeps everything when the token stops working, and drops only what is refused for good', async () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    for (const [index, key] of ['a', 'b', 'c'].entries()) await outbox.add(item(key, index));
    let report = await outbox.flush(async () => ({ kind: 'signed-out' }));
    assert.equal(report.stopped, 'signed-out');
    assert.equal(report.waiting, 3);
    report = await outbox.flush(async (next) => (next.key === 'b' ? { kind: 'refused', reason: 'no such hub' } : { kind: 'sent' }));
    assert.deepEqual(report.refused.map((refused) => [refused.item.key, refused.reason]), [['b', 'no such hub']]);
    assert.equal(report.waiting, 0);
  });

  it('joins a flush already under way instead of sending an item twice', async () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    await outbox.add(item('a', 1));
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const send = async (next: OutboxItem): Promise<SendResult> => {
      sent.push(next.key);
      await gate;
      return { kind: 'sent' };
    };
    const first = outbox.flush(send);
    const second = outbox.flush(send);
    release();
    assert.equal(await first, await second);
    assert.deepEqual(sent, ['a']);
  });
});

describe('outbox while sending', () => {
  it('sends what is added during a flush in the same flush, once', async () => {
    const store = memoryStore();
    const outbox = new Outbox(store);
    await outbox.add(item('a', 1));
    const sent: string[] = [];
    const report = await outbox.flush(async (next) => {
      sent.push(next.key);
      if (next.key === 'a') await outbox.add(item('b', 2));
      return { kind: 'sent' };
    });
    assert.deepEqual(sent, ['a', 'b']);
    assert.equal(report.sent, 2);
    assert.equal(report.waiting, 0);
  });
});

describe('visit draft', () => {
  const now = new Date('2026-07-01T09:05:00Z');

  it('dates a blank draft now in London and keeps hub and worker for the next one', () => {
    const draft = { ...blankDraft('hub-a', 'AB', now), outcomes: ['housing'], outcode: 'SY4 5JD', whatMatters: 'x' };
    assert.equal(draft.date, '2026-07-01');
    assert.equal(draft.time, '10:05');
    const next = nextDraft(draft, new Date('2026-07-01T09:20:00Z'));
    assert.deepEqual(next, { ...blankDraft('hub-a', 'AB', now), time: '10:20' });
  });

  it('becomes a visit the contract accepts, with only the outcode and only the scores given', () => {
    const draft = { ...blankDraft('hub-a', 'ab', now), outcomes: ['housing'], outcode: 'sy4 5jd', wellbeing: { connected: '4', coping: '' }, followUp: '2026-07-08' };
    const parsed = VisitInput.parse(draftToInput(draft));
    assert.equal(parsed.occurredAt, '2026-07-01T09:05:00.000Z');
    assert.equal(parsed.worker, 'AB');
    assert.equal(parsed.outcode, 'SY4');
    assert.deepEqual(parsed.wellbeing, { connected: 4 });
    assert.equal(parsed.followUp, '2026-07-08');
  });

  it('is refused by the contract when the date is not a date, or nothing happened', () => {
    const result = VisitInput.safeParse(draftToInput({ ...blankDraft('hub-a', 'AB', now), date: '2026-02-31' }));
    assert.equal(result.success, false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    assert.ok(paths?.includes('occurredAt'));
    assert.ok(paths?.includes('outcomes'));
  });

  it('reads a stored visit back for a correction', () => {
    const draft = draftOfVisit({ hubId: 'hub-a', occurredAt: '2026-01-10T14:30:00Z', worker: 'AB', outcomes: ['closed'], wellbeing: { connected: 3 } });
    assert.equal(draft.time, '14:30');
    assert.deepEqual(draft.wellbeing, { connected: '3' });
    assert.equal(draft.outcode, '');
  });
});
