import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DRAFT_DAYS, type QuestionnaireDefinition } from '../../src/contract/questionnaire.ts';
import { localiseQuestionnaire } from '../../src/core/localise.ts';
import { loadQuestionnaires } from '../../server/questionnaires.ts';
import type { DeviceStorage } from '../../src/core/device-store.ts';
import { AnswersOnDevice, DEVICE_ANSWERS_MAX_AGE_MS, deviceAnswers, fitsQuestionnaire, readLegacyAnswers, selfAssessmentKey } from '../../src/core/questionnaire-device.ts';
import { CHECK_ANSWERS, START } from '../../src/core/questionnaire.ts';
import { RESULT, SEND } from '../../src/core/self-assessment-journey.ts';

/** Web Storage over a Map, as localStorage behaves. */
function memoryStorage(initial: Record<string, string> = {}): DeviceStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
  };
}

const DAY = 24 * 60 * 60 * 1000;
const KEY = 'cls-self-assessment:what-matters';

describe('answers kept on the device', () => {
  it('keeps them under the element’s own key, stamped with when they were saved', () => {
    assert.equal(selfAssessmentKey('what-matters'), KEY);
    const storage = memoryStorage();
    const store = deviceAnswers('what-matters', () => storage, () => 1_000);
    assert.equal(store.write({ version: 2, answers: { q: 'yes', n: 3 }, at: 'q' }), true);
    assert.deepEqual(JSON.parse(storage.map.get(KEY) ?? ''), { savedAt: 1_000, data: { version: 2, answers: { q: 'yes', n: 3 }, at: 'q' } });
    assert.deepEqual(store.read(), { savedAt: 1_000, data: { version: 2, answers: { q: 'yes', n: 3 }, at: 'q' } });
  });

  it('lasts as long as a draft on the server after the last change, then is gone from the device', () => {
    assert.equal(DEVICE_ANSWERS_MAX_AGE_MS, DRAFT_DAYS * DAY);
    const storage = memoryStorage();
    let now = 0;
    const store = deviceAnswers('what-matters', () => storage, () => now);
    store.write({ version: 1, answers: { q: 'yes' }, at: 'q' });
    now = DRAFT_DAYS * DAY;
    assert.ok(store.read(), `still there after ${DRAFT_DAYS} days`);
    now += 1;
    assert.equal(store.read(), undefined);
    assert.equal(storage.map.has(KEY), false, 'removed once expired');
  });

  it('still loads answers kept in the old format ({ version, answers, at }), with a full time to live from now', () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify({ version: 3, answers: { q: 'yes', 'q.more': 'Details' }, at: 'check-answers' }) });
    const store = deviceAnswers('what-matters', () => storage, () => 5_000);
    assert.deepEqual(store.read(), { savedAt: 5_000, data: { version: 3, answers: { q: 'yes', 'q.more': 'Details' }, at: 'check-answers' } });
    assert.deepEqual(readLegacyAnswers({ version: 1, answers: {} }), { version: 1, answers: {}, at: START }, 'no place: the start');
  });

  it('sets aside a record that is not answers, and leaves out single answers that do not fit the contract', () => {
    for (const raw of ['not json', JSON.stringify({ version: 'one', answers: {} }), JSON.stringify({ version: 1, answers: null }), JSON.stringify({ savedAt: 1, data: { answers: {} } })]) {
      const storage = memoryStorage({ [KEY]: raw });
      assert.equal(deviceAnswers('what-matters', () => storage).read(), undefined, raw);
      assert.equal(storage.map.has(KEY), false, `${raw} is removed`);
    }
    // A half-filled date is kept as NaN parts, which JSON writes as null.
    const storage = memoryStorage({ [KEY]: JSON.stringify({ version: 1, answers: { born: { day: null, month: 2, year: null }, q: 'yes', n: 4, many: ['a', 'b'] }, at: 'born' }) });
    assert.deepEqual(deviceAnswers('what-matters', () => storage).read()?.data.answers, { q: 'yes', n: 4, many: ['a', 'b'] });
  });

  it('keeps nothing without storage (kiosk mode, or storage refused)', () => {
    const store = new AnswersOnDevice(() => 'what-matters', () => undefined);
    assert.equal(store.keep(1, { q: 'yes' }, 'q'), false);
    assert.equal(store.read(), undefined);
    const refusing: DeviceStorage = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    assert.equal(new AnswersOnDevice(() => 'what-matters', () => refusing).keep(1, { q: 'yes' }, 'q'), false);
  });

  it('removes the record once there are no answers, so "Start again" leaves no trace, and follows the questionnaire shown', () => {
    const storage = memoryStorage();
    let id = 'what-matters';
    const store = new AnswersOnDevice(() => id, () => storage, () => 0);
    store.keep(1, { q: 'yes' }, 'q');
    assert.deepEqual(store.read(), { version: 1, answers: { q: 'yes' }, at: 'q' });
    id = 'looking-after-someone';
    assert.equal(store.read(), undefined);
    store.keep(4, { cared: 'parent' }, START);
    assert.deepEqual([...storage.map.keys()].sort(), ['cls-self-assessment:looking-after-someone', KEY]);
    store.keep(4, {}, START);
    assert.deepEqual([...storage.map.keys()], [KEY]);
    id = 'what-matters';
    store.remove();
    assert.equal(storage.map.size, 0);
  });
});

describe('answers kept on the device that fit the questionnaire shown', () => {
  const questionnaires = loadQuestionnaires();
  const localised = (id: string) => localiseQuestionnaire(questionnaires.get(id) as QuestionnaireDefinition, 'en').questionnaire;
  const whatMatters = localised('what-matters');
  const carers = localised('looking-after-someone');

  it('carries on with its own answers at one of its pages, follow-up boxes included', () => {
    for (const at of [START, CHECK_ANSWERS, RESULT, SEND, 'good-day'])
      assert.equal(fitsQuestionnaire(whatMatters, { version: whatMatters.version, answers: { 'good-day': 'Tea', harder: ['money'], 'harder.money': 'Bills' }, at }), true, at);
  });

  it('does not carry on with another questionnaire’s answers, or at a page it does not have', () => {
    // What a page that switched questionnaire while loading wrote under the carers' key.
    assert.equal(fitsQuestionnaire(carers, { version: carers.version, answers: { 'answering-for': 'myself', 'good-day': 'Tea' }, at: 'good-day' }), false);
    assert.equal(fitsQuestionnaire(whatMatters, { version: whatMatters.version, answers: { 'good-day': 'Tea' }, at: 'no-such-page' }), false);
  });

  it('leaves answers of another version to be fitted to the new questions', () => {
    assert.equal(fitsQuestionnaire(whatMatters, { version: whatMatters.version + 1, answers: { 'gone-question': 'x' }, at: 'good-day' }), true);
  });

  it('puts a record that cannot be carried on with aside under its own key, never read back as answers', () => {
    const storage = memoryStorage();
    const device = new AnswersOnDevice(() => 'looking-after-someone', () => storage);
    device.keep(1, { 'good-day': 'Tea' }, 'good-day');
    device.setAside();
    assert.equal(device.read(), undefined);
    assert.match(storage.map.get('cls-self-assessment:looking-after-someone:set-aside') ?? '', /Tea/);
  });
});
