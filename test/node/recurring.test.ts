import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Recurring } from '../../server/recurring.ts';

describe('a recurring background job', () => {
  it('joins a run asked for while one is under way, and starts a new one after', async () => {
    let runs = 0;
    let finish: () => void = () => undefined;
    const job = new Recurring('test', () => {
      runs++;
      return new Promise<number>((resolve) => (finish = () => resolve(runs)));
    });
    const first = job.run();
    const second = job.run();
    assert.equal(runs, 1, 'the second call joined the first run');
    finish();
    assert.deepEqual(await Promise.all([first, second]), [1, 1]);
    const third = job.run();
    finish();
    assert.equal(await third, 2);
  });

  it('runs at once when started, and logs only the name of a failure (its message may hold a resident\'s details)', async (t) => {
    const warnings: string[] = [];
    t.mock.method(console, 'warn', (line: string) => warnings.push(line));
    let runs = 0;
    const job = new Recurring('sweep', async () => {
      runs++;
      throw new Error('could not reach 07700 900123');
    });
    job.start(60_000);
    job.stop();
    await job.settled();
    assert.equal(runs, 1);
    assert.deepEqual(warnings, ['sweep: run failed (Error)']);
  });
});
