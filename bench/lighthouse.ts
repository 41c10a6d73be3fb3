/*
 * Lighthouse (mobile preset: a mid-range phone, 4× CPU slowdown, slow 4G) on
 * each demo page, served by the compiled server, beside its floor measured
 * in the same run: the same page with the widgets' script taken out. Prints
 * performance and accessibility, Cumulative Layout Shift and Total Blocking
 * Time, and where performance is under 95 the audits that stand in the way.
 * Run with `npm run bench` (after `npm run build`) or `tsx bench/lighthouse.ts`.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';
import { startServer } from '../test/support/server-process.ts';

const PAGES = ['/', '/charity.html', '/self-assessment.html', '/kiosk.html', '/staff.html'];
const GOAL = 95;

interface Scores {
  performance: number;
  accessibility: number;
  cls: string;
  tbt: string;
  blocking: string[];
}

const server = await startServer({ SEED: 'true' });
// The floor: the same HTML without the widgets' script, from a server in front of the real one
// (same origin for the page's own stylesheet and script).
const front = createServer((req, res) => {
  const floor = req.url?.startsWith('/floor/');
  const path = floor ? (req.url ?? '/').slice('/floor'.length) : (req.url ?? '/');
  const upstream = httpRequest(`${server.url}${path}`, { method: req.method, headers: { ...req.headers, host: new URL(server.url).host, 'accept-encoding': floor ? 'identity' : (req.headers['accept-encoding'] ?? '') } }, (answer) => {
    if (!floor) {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      return;
    }
    let body = '';
    answer.setEncoding('utf8');
    answer.on('data', (chunk: string) => (body += chunk));
    answer.on('end', () => {
      const bare = body.replace(/<script type="module" src="\/cdn\/[^"]*"><\/script>/g, '');
      const headers = { ...answer.headers };
      delete headers['content-length'];
      delete headers['etag'];
      res.writeHead(answer.statusCode ?? 502, headers);
      res.end(bare);
    });
  });
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
});
await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;

const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });

async function audit(url: string): Promise<Scores> {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  const { lhr } = result;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const blocking = (lhr.categories['performance']?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
    .map((ref) => `${lhr.audits[ref.id]?.title} (${lhr.audits[ref.id]?.displayValue ?? 'fails'})`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    cls: lhr.audits['cumulative-layout-shift']?.displayValue ?? '?',
    tbt: lhr.audits['total-blocking-time']?.displayValue ?? '?',
    blocking,
  };
}

try {
  console.log(`Lighthouse mobile preset, Debian Chromium (${CHROMIUM_PATH}); floor: the same page without the widgets' script`);
  for (const page of PAGES) {
    const floor = await audit(`${base}/floor${page}`);
    const real = await audit(`${base}${page}`);
    console.log(
      `${page.padEnd(22)} performance ${real.performance} (floor ${floor.performance}, ${(real.performance / Math.max(1, floor.performance)).toFixed(2)}× floor)` +
        ` · accessibility ${real.accessibility} (floor ${floor.accessibility}) · CLS ${real.cls} (floor ${floor.cls}) · TBT ${real.tbt} (floor ${floor.tbt})`,
    );
    if (real.performance < GOAL) console.log(`  under ${GOAL}: ${real.blocking.join('; ') || 'no single audit under 0.9'}`);
    if (real.accessibility < 100) console.log('  accessibility under 100');
  }
} finally {
  chrome.kill();
  front.close();
  await server.stop();
}
