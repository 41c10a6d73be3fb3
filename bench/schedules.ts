/**
 * Schedule expansion speed: the next 5 occurrences of 1,000 varied
 * schedules (what a hub finder page with many hubs asks for), median of 20
 * timed runs after a warm-up. Run with `npx tsx bench/schedules.ts`.
 * The target is under 20 ms.
 */
import type { Schedule } from '../src/contract/directory.ts';
import { londonParts, nextOccurrences } from '../src/core/schedule.ts';

const SCHEDULES = 1000;
const COUNT = 5;
const RUNS = 20;

// A fixed-seed generator (mulberry32), so every run times the same schedules.
let seed = 0x5eed;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pad = (n: number) => String(n).padStart(2, '0');

const now = new Date();
const dayMs = 86_400_000;
// Bounds and one-off dates are placed around today, so the schedules are live whenever this runs.
const dateAround = (fromDays: number, toDays: number) => londonParts(new Date(now.getTime() + int(fromDays, toDays) * dayMs)).date;

const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
function schedule(i: number): Schedule {
  const opensHour = int(7, 19);
  const times = random() < 0.9 ? { opensAt: `${pad(opensHour)}:${pick(['00', '15', '30', '45'])}`, closesAt: `${pad(opensHour + int(1, 4))}:00` } : {};
  const bounds = {
    ...(random() < 0.3 ? { dtstart: dateAround(-400, 30) } : {}),
    ...(random() < 0.2 ? { validFrom: dateAround(-200, 20) } : {}),
    ...(random() < 0.2 ? { validTo: dateAround(60, 600) } : {}),
  };
  switch (i % 5) {
    case 0: // weekly on one or two days
      return { freq: 'WEEKLY', byday: [...new Set([pick(days), pick(days)])], ...times, ...bounds };
    case 1: // fortnightly or every three weeks
      return { freq: 'WEEKLY', interval: int(2, 3), byday: [pick(days)], dtstart: dateAround(-300, 0), ...times };
    case 2: // first Tuesday, last Friday, second Wednesday…
      return { freq: 'MONTHLY', byday: [`${pick(['1', '2', '3', '4', '-1'])}${pick(days)}`], ...times, ...bounds };
    case 3: // on days of the month, sometimes every other month
      return { freq: 'MONTHLY', interval: int(1, 2), bymonthday: [int(1, 28), -1], dtstart: dateAround(-300, 0), ...times };
    default: // one-off dates, sometimes alongside a rule
      return {
        ...(random() < 0.5 ? { freq: 'WEEKLY' as const, byday: [pick(days)] } : {}),
        dates: Array.from({ length: int(1, 6) }, () => dateAround(-30, 120)),
        ...times,
      };
  }
}
const schedules = Array.from({ length: SCHEDULES }, (_, i) => schedule(i));

function run(): number {
  let found = 0;
  for (const s of schedules) found += nextOccurrences(s, now, COUNT).length;
  return found;
}

// Warm-up: lets the JIT compile and the London offset table fill, as in a running server.
let found = 0;
for (let i = 0; i < 5; i++) found = run();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  found = run();
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;
if (found < SCHEDULES) throw new Error(`only ${found} occurrences found: the bench schedules are not live`);
console.log(
  `schedules: next ${COUNT} occurrences for ${SCHEDULES.toLocaleString('en-GB')} schedules: ${median.toFixed(1)} ms (median of ${RUNS}) on ${now.toISOString().slice(0, 10)}`,
);
