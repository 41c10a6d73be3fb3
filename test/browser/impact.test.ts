import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/impact/define.ts';
import type { ClsImpact, ImpactSignedOutDetail } from '../../src/elements/impact/impact.ts';
import { HubList } from '../../src/contract/places.ts';
import { Report } from '../../src/contract/staff.ts';
import { STAFF_TOKEN_KEY } from '../../src/core/staff-session.ts';
import { readCsv } from '../support/csv-reader.ts';
import { STAFF_TOKEN, expectAccessible, faultName, focused, heal, runsOffEdge } from './support.ts';

type Lang = 'en' | 'cy';

const TEXT = {
  en: {
    heading: 'Impact report',
    signIn: 'Sign in to see the report',
    required: 'Enter your staff token',
    rejected: 'That token was not accepted',
    signedOut: 'You have signed out.',
    loading: 'Loading the report',
    failed: 'The report could not be loaded',
    server: 'Something went wrong on our side',
    small: '7 or fewer',
    rounded: 'Figures are rounded to the nearest 5',
    averageWithheld: 'Not shown: too few people to give an average safely',
    objective: 'Information and advice',
    social: 'Social connections',
    ascof: 'ASCOF 2023 objective',
    housingOnly: 'Showing only conversations with the outcome “Housing”',
    backwards: '“From” must be the same as or before “To”',
    weekly: 'Conversations per week at each hub',
    busiest: 'the busiest began on',
    outcomesSummary: 'The most common outcome was Information and advice',
    scores: 'Scores over time',
    wellbeing: 'Wellbeing is shown for 1 of 1 months: 3.5 out of 5',
    helpfulNone: 'No month’s feedback score is shown',
  },
  cy: {
    heading: 'Adroddiad effaith',
    signIn: 'Mewngofnodwch i weld yr adroddiad',
    required: 'Rhowch eich tocyn staff',
    rejected: 'Ni chafodd y tocyn hwnnw ei dderbyn',
    signedOut: 'Rydych wedi allgofnodi.',
    loading: 'Wrthi’n llwytho’r adroddiad',
    failed: 'Doedd dim modd llwytho’r adroddiad',
    server: 'Aeth rhywbeth o’i le ar ein hochr ni',
    small: '7 neu lai',
    rounded: 'Mae’r ffigurau wedi’u talgrynnu i’r 5 agosaf',
    averageWithheld: 'Heb ei ddangos: rhy ychydig o bobl i roi cyfartaledd yn ddiogel',
    // "a" takes the aspirate mutation: cyngor → chyngor.
    objective: 'Gwybodaeth a chyngor',
    social: 'Cysylltiadau cymdeithasol',
    ascof: 'Amcan ASCOF 2023',
    housingOnly: 'Yn dangos sgyrsiau â’r canlyniad “Tai” yn unig',
    backwards: 'Rhaid i “O” fod yr un peth â “I” neu cyn hynny',
    weekly: 'Sgyrsiau bob wythnos ym mhob hyb',
    busiest: 'dechreuodd yr wythnos brysuraf ar',
    outcomesSummary: 'Y canlyniad mwyaf cyffredin oedd Gwybodaeth a chyngor',
    scores: 'Sgoriau dros amser',
    wellbeing: 'Dangosir llesiant ar gyfer 1 o 1 mis: 3.5 allan o 5',
    helpfulNone: 'Ni ddangosir sgôr adborth unrhyw fis',
  },
} as const;

/** A fortnight long ago, so no other test's conversations fall in it. */
const FROM = '2025-03-03';
const TO = '2025-03-16';
const BUSY_VISITS = 22;
const QUIET_VISITS = 3;

const root = (el: ClsImpact) => el.shadowRoot as ShadowRoot;
const text = (el: ClsImpact) => (root(el).textContent ?? '').replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: ClsImpact, selector: string) => root(el).querySelector<T>(selector);

let hubs: { busy: { id: string; name: string }; quiet: { id: string; name: string } };

async function recordVisit(hubId: string, occurredAt: string, outcomes: string[], scored: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch('/api/v1/staff/visits', {
    method: 'POST',
    headers: { Authorization: `Bearer ${STAFF_TOKEN}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ hubId, occurredAt, worker: 'AB', outcomes, ...scored }),
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`visit not recorded: ${response.status} ${await response.text()}`);
}

before(async () => {
  const { items } = HubList.parse(await (await fetch('/api/v1/hubs?limit=100')).json());
  const [busy, quiet] = items.map(({ hub }) => ({ id: hub.id, name: hub.name }));
  if (!busy || !quiet) throw new Error('the seed needs two hubs');
  hubs = { busy, quiet };
  for (let i = 0; i < BUSY_VISITS; i++) {
    const day = String(3 + (i % 10)).padStart(2, '0');
    // Nine different people scored their wellbeing (3 and 4: a mean of 3.5), so March's mean may be shown.
    const scored = i < 9 ? { personRef: `20000${i}`, wellbeing: { connected: 3, coping: 4 } } : {};
    await recordVisit(busy.id, `2025-03-${day}T10:${String(i).padStart(2, '0')}:00Z`, i % 2 === 0 ? ['information-advice', 'housing'] : ['information-advice'], scored);
  }
  for (let i = 0; i < QUIET_VISITS; i++) await recordVisit(quiet.id, `2025-03-1${i}T11:00:00Z`, ['health-referral']);
});

function setUrl(query: Record<string, string>): void {
  const url = new URL(window.location.href);
  url.search = new URLSearchParams(query).toString();
  window.history.replaceState(null, '', url);
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  setUrl({});
});

after(() => {
  sessionStorage.clear();
  setUrl({});
});

async function make(lang: Lang, apiBase = '/api/v1'): Promise<ClsImpact> {
  const el = await fixture<ClsImpact>(html`<cls-impact lang=${lang} api-base=${apiBase}></cls-impact>`);
  await el.updateComplete;
  return el;
}

async function signedIn(lang: Lang, query: Record<string, string> = { 'report-from': FROM, 'report-to': TO }, apiBase = '/api/v1'): Promise<ClsImpact> {
  sessionStorage.setItem(STAFF_TOKEN_KEY, STAFF_TOKEN);
  setUrl(query);
  return make(lang, apiBase);
}

async function reportShown(el: ClsImpact): Promise<void> {
  await waitUntil(() => $(el, '.report') && $(el, '.charts'), 'the report and its charts are shown', { timeout: 10_000 });
  await el.updateComplete;
}

async function typeInto(el: ClsImpact, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choose(el: ClsImpact, selector: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, selector) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function submit(el: ClsImpact, selector: string): Promise<void> {
  ($<HTMLFormElement>(el, selector) as HTMLFormElement).requestSubmit();
  await el.updateComplete;
}

async function serverReport(query: Record<string, string>): Promise<Report> {
  const response = await fetch(`/api/v1/staff/reports?${new URLSearchParams(query).toString()}`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });
  return Report.parse(await response.json());
}

/** The export read back as a spreadsheet would (it must end with CRLF). */
function parseCsv(input: string): string[][] {
  const { rows, rest } = readCsv(input);
  expect(rest).to.equal('', 'the file ends with CRLF');
  return rows;
}

for (const lang of ['en', 'cy'] as const) {
  describe(`<cls-impact> (${lang})`, () => {
    const T = TEXT[lang];

    it('asks for a staff token when signed out, and says so when none is typed', async () => {
      const el = await make(lang);
      expect(text(el)).to.contain(T.heading);
      expect(text(el)).to.contain(T.signIn);
      expect($(el, '.report')).to.equal(null);
      await expectAccessible(el);
      await submit(el, 'form.sign-in');
      await waitUntil(() => focused(el)?.id === 'token', 'focus moves to the token field');
      expect(text(el)).to.contain(T.required);
      expect($(el, '#token')?.getAttribute('aria-invalid')).to.equal('true');
      await expectAccessible(el);
    });

    it('signs in with a token kept in session storage only, never in the URL or local storage, and signs out', async () => {
      setUrl({ 'report-from': FROM, 'report-to': TO });
      const el = await make(lang);
      await typeInto(el, '#token', `  ${STAFF_TOKEN} `);
      await submit(el, 'form.sign-in');
      await reportShown(el);
      expect(sessionStorage.getItem(STAFF_TOKEN_KEY)).to.equal(STAFF_TOKEN);
      expect(localStorage.length).to.equal(0);
      expect(window.location.href).not.to.contain(STAFF_TOKEN);
      expect(JSON.stringify(window.history.state ?? null)).not.to.contain(STAFF_TOKEN);
      ($(el, '.signed-in button') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(sessionStorage.getItem(STAFF_TOKEN_KEY)).to.equal(null);
      expect(text(el)).to.contain(T.signedOut);
      await waitUntil(() => focused(el)?.id === 'token', 'focus returns to the token field');
      await expectAccessible(el);
    });

    it('goes back to signed out with a clear message when the server refuses the token (401)', async () => {
      sessionStorage.setItem(STAFF_TOKEN_KEY, 'not-a-real-token');
      const events: string[] = [];
      document.addEventListener('cls-impact-signed-out', (event: Event) => events.push((event as CustomEvent<ImpactSignedOutDetail>).detail.reason), { once: true });
      const el = await make(lang);
      await waitUntil(() => text(el).includes(T.rejected), 'the refusal is explained');
      expect(sessionStorage.getItem(STAFF_TOKEN_KEY)).to.equal(null);
      expect($(el, '#token')).not.to.equal(null);
      expect(events).to.deep.equal(['rejected']);
      await expectAccessible(el);
    });

    it('shows that the report is loading, then the report', async () => {
      const name = faultName();
      const el = await signedIn(lang, { 'report-from': FROM, 'report-to': TO }, `/faults/${name}/hang/api/v1`);
      await waitUntil(() => $(el, '.loading'), 'loading is shown');
      expect(text(el)).to.contain(T.loading);
      expect($(el, '[role="status"]')?.textContent).to.contain(T.loading);
      await expectAccessible(el);
      await heal(name);
      await reportShown(el);
    });

    it('says the report could not be loaded, and loads it on Try again', async () => {
      const name = faultName();
      const el = await signedIn(lang, { 'report-from': FROM, 'report-to': TO }, `/faults/${name}/down/api/v1`);
      await waitUntil(() => text(el).includes(T.failed), 'the failure is shown', { timeout: 15_000 });
      expect(text(el)).to.contain(T.server);
      await expectAccessible(el);
      await heal(name);
      ($(el, '.notification button') as HTMLButtonElement).click();
      await reportShown(el);
    });

    it('shows the headline figures by ASCOF 2023 objective, small counts as "7 or fewer", averages withheld in words, and the rounding note', async () => {
      const el = await signedIn(lang);
      await reportShown(el);
      const report = await serverReport({ from: FROM, to: TO });
      // The element shows what the server published, never a number it worked out itself.
      expect(report.conversations).to.deep.equal({ kind: 'count', value: 25 });
      const conversations = $(el, '[data-measure="conversations"] dd')?.textContent?.trim();
      expect(conversations).to.equal('25');
      expect(text(el)).to.contain(T.rounded);
      expect(text(el)).to.contain(T.objective);
      expect(text(el)).to.contain(T.social);
      expect(text(el)).to.contain(T.ascof);
      // Three health referrals at the quiet hub: shown as small, never as 3.
      const referral = $(el, '.outcomes tr[data-outcome="health-referral"] td')?.textContent?.trim();
      expect(referral).to.equal(T.small);
      // No one gave feedback and no one was seen twice: the averages are withheld, said in words.
      expect($(el, '[data-measure="feedback-helpful"] dd')?.textContent).to.contain(T.averageWithheld);
      expect($(el, '[data-measure="distance-travelled"] dd')?.textContent).to.contain(T.averageWithheld);
      for (const row of root(el).querySelectorAll('.outcomes td')) expect(row.textContent?.trim()).not.to.match(/^[1-7]$/);
      await expectAccessible(el);
    });

    it('filters by hub and outcome, writes the filters into the URL, and a reload restores them', async () => {
      const el = await signedIn(lang);
      await reportShown(el);
      await choose(el, '#filter-hub', hubs.busy.id);
      await choose(el, '#filter-outcome', 'housing');
      await submit(el, 'form.filters');
      await waitUntil(() => text(el).includes(hubs.busy.name) && text(el).includes(T.housingOnly), 'the filtered report is shown');
      await reportShown(el);
      const params = new URLSearchParams(window.location.search);
      expect(params.get('report-from')).to.equal(FROM);
      expect(params.get('report-to')).to.equal(TO);
      expect(params.get('report-hub')).to.equal(hubs.busy.id);
      expect(params.get('report-outcome')).to.equal('housing');
      expect(root(el).querySelectorAll('.outcomes tbody tr')).to.have.length(1);
      // The busy hub's conversations about housing, counted by the server: 11 of its 22, rounded to 10.
      await waitUntil(() => $(el, '[data-measure="conversations"] dd')?.textContent?.trim() === '10', 'the hub’s housing figure is shown');
      await expectAccessible(el);

      // A reload (or a colleague opening the shared address) shows the same view.
      el.remove();
      const again = await make(lang);
      await reportShown(again);
      expect(($(again, '#filter-hub') as HTMLSelectElement).value).to.equal(hubs.busy.id);
      expect(($(again, '#filter-outcome') as HTMLSelectElement).value).to.equal('housing');
      expect(($(again, '#filter-from') as HTMLInputElement).value).to.equal(FROM);
      expect($(again, '[data-measure="conversations"] dd')?.textContent?.trim()).to.equal('10');
    });

    it('restores the filters of an earlier address on Back (popstate)', async () => {
      const el = await signedIn(lang);
      await reportShown(el);
      window.history.pushState(null, '', `?report-from=${FROM}&report-to=${TO}&report-hub=${hubs.quiet.id}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await waitUntil(() => ($(el, '#filter-hub') as HTMLSelectElement).value === hubs.quiet.id, 'the hub filter follows the address');
      await waitUntil(() => $(el, '[data-measure="conversations"] dd')?.textContent?.trim() === T.small, 'the quiet hub’s figures are shown, suppressed');
      window.history.back();
      await waitUntil(() => ($(el, '#filter-hub') as HTMLSelectElement).value === '', 'Back restores all hubs');
      await waitUntil(() => $(el, '[data-measure="conversations"] dd')?.textContent?.trim() === '25', 'and its figures');
    });

    it('refuses dates that run backwards with an error summary', async () => {
      const el = await signedIn(lang);
      await reportShown(el);
      await typeInto(el, '#filter-from', '2025-04-01');
      await typeInto(el, '#filter-to', '2025-03-01');
      await submit(el, 'form.filters');
      await waitUntil(() => focused(el)?.classList.contains('error-summary'), 'focus moves to the summary');
      expect(text(el)).to.contain(T.backwards);
      expect(new URLSearchParams(window.location.search).get('report-from')).to.equal(FROM);
      await expectAccessible(el);
    });

    it('draws the charts from the published figures, each with a summary and a table', async () => {
      const el = await signedIn(lang);
      await reportShown(el);
      expect(text(el)).to.contain(T.weekly);
      expect(text(el)).to.contain(T.busiest);
      expect(text(el)).to.contain(T.outcomesSummary);
      const svgs = [...root(el).querySelectorAll('svg.chart__svg')];
      expect(svgs.map((svg) => svg.getAttribute('data-chart'))).to.deep.equal(['weekly', 'outcomes', 'scores']);
      expect(text(el)).to.contain(T.scores);
      expect(text(el)).to.contain(T.wellbeing);
      expect(text(el)).to.contain(T.helpfulNone);
      // One marker per month shown: March's wellbeing; no feedback point, as none was given.
      expect(root(el).querySelectorAll('svg[data-chart="scores"] .marker')).to.have.length(1);
      for (const svg of svgs) expect(svg.getAttribute('aria-hidden')).to.equal('true');
      // The quiet hub's weeks and the health referrals are hatched, not drawn to their size.
      expect(root(el).querySelectorAll('svg[data-chart="outcomes"] rect.suppressed').length).to.be.greaterThan(0);
      for (const details of root(el).querySelectorAll('details')) details.open = true;
      await el.updateComplete;
      const tables = root(el).querySelectorAll('.chart table');
      expect(tables).to.have.length(3);
      expect(tables[0]?.textContent).to.contain(hubs.quiet.name);
      expect(tables[0]?.textContent).to.contain(T.small);
      await expectAccessible(el);
    });

    it('downloads the current filters’ figures as CSV with a byte order mark, the same suppressed figures', async () => {
      const el = await signedIn(lang, { 'report-from': FROM, 'report-to': TO, 'report-hub': hubs.quiet.id });
      await reportShown(el);
      const clicked: HTMLAnchorElement[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this);
      };
      try {
        const exportButton = root(el).querySelectorAll<HTMLButtonElement>('.export button')[0] as HTMLButtonElement;
        exportButton.click();
        await waitUntil(() => clicked.length === 1, 'the download is started');
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      const link = clicked[0] as HTMLAnchorElement;
      expect(link.download).to.equal(`impact-${FROM}-to-${TO}.csv`);
      expect(link.href).to.match(/^blob:/);
      const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
      expect(rows[0]).to.deep.equal(['measure', 'ascof_objective', 'group', 'value']);
      const conversations = rows.find((row) => row[0] === 'conversations' && row[2] === '');
      expect(conversations).to.deep.equal(['conversations', 'information-and-advice', '', '7 or fewer']);
      // No figure of 1 to 7 leaks into the file.
      for (const row of rows.slice(1)) expect(row[3]).not.to.match(/^[1-7]$/);
      await expectAccessible(el);
    });

    it('is used with the keyboard alone: sign in, filter, and reach the export', async () => {
      setUrl({ 'report-from': FROM, 'report-to': TO });
      const el = await make(lang);
      ($(el, '#token') as HTMLInputElement).focus();
      await sendKeys({ type: STAFF_TOKEN });
      await sendKeys({ press: 'Enter' });
      await reportShown(el);
      await waitUntil(() => focused(el)?.id === 'filter-from', 'focus moves to the first filter');
      // From, To (Tab also steps through a date's day, month and year), Hub, Outcome, Show figures.
      const reached: string[] = [];
      for (let presses = 0; presses < 12 && focused(el)?.id !== 'filter-hub'; presses++) {
        await sendKeys({ press: 'Tab' });
        reached.push(focused(el)?.id ?? '');
      }
      expect(reached).to.include('filter-to');
      expect(focused(el)?.id).to.equal('filter-hub');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.id).to.equal('filter-outcome');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.textContent?.trim()).to.equal(lang === 'en' ? 'Show figures' : 'Dangos y ffigurau');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => new URLSearchParams(window.location.search).get('report-outcome') === 'information-advice', 'the outcome chosen with the keyboard is applied');
      // The server counts the conversations with that outcome: the report loads again.
      await waitUntil(() => $(el, '.filtered-note') && $(el, '.chart details summary'), 'the report for the outcome is shown', { timeout: 10_000 });
      const summary = $(el, '.chart details summary') as HTMLElement;
      summary.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(($(el, '.chart details') as HTMLDetailsElement).open).to.equal(true);
    });
  });
}

describe('<cls-impact> on a 320 px screen', () => {
  for (const lang of ['en', 'cy'] as const) {
    it(`keeps every control and figure within the screen's width, tables scrolling in their own region (${lang})`, async () => {
      sessionStorage.setItem(STAFF_TOKEN_KEY, STAFF_TOKEN);
      setUrl({ 'report-from': FROM, 'report-to': TO });
      const box = await fixture<HTMLDivElement>(html`<div style="width: 320px"><cls-impact lang=${lang}></cls-impact></div>`);
      const el = box.querySelector('cls-impact') as ClsImpact;
      await reportShown(el);
      for (const details of root(el).querySelectorAll('details')) details.open = true;
      await el.updateComplete;
      expect(runsOffEdge(el), 'nothing runs off the 320 px screen').to.deep.equal([]);
      await expectAccessible(el);
    });
  }
});

describe('<cls-impact> print and forced colours', () => {
  it('hides the controls in print and uses system colours and hatching in forced colours', async () => {
    const el = await signedIn('en');
    await reportShown(el);
    const rules = [...(root(el).adoptedStyleSheets ?? [])].flatMap((sheet) => [...sheet.cssRules]);
    const media = (name: string) => rules.filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes(name)).map((rule) => rule.cssText).join('\n');
    expect(media('print')).to.match(/\.controls[^{]*\{[^}]*display: none/);
    const forced = media('forced-colors').toLowerCase();
    expect(forced).to.match(/\.bar[^{]*\{[^}]*fill: highlight/);
    expect(forced).to.match(/\.suppressed[^{]*\{[^}]*stroke: canvastext/);
    // Suppressed marks are a pattern, so they do not depend on colour at all.
    expect(($(el, 'svg[data-chart="outcomes"] rect.suppressed') as SVGRectElement) && getComputedStyle($(el, 'svg[data-chart="outcomes"] rect.suppressed') as Element).fill).to.contain('url(');
    // Opening every table for print, and closing them again after.
    window.dispatchEvent(new Event('beforeprint'));
    expect([...root(el).querySelectorAll('details')].every((details) => details.open)).to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    expect([...root(el).querySelectorAll('details')].some((details) => details.open)).to.equal(false);
  });

  it('draws bars, lines and labels in system colours when the browser forces colours (High Contrast)', async () => {
    const el = await signedIn('en');
    await reportShown(el);
    const bar = $(el, 'svg[data-chart="weekly"] rect.bar') as Element;
    const label = $(el, 'svg.chart__svg .label') as Element;
    const before = { bar: getComputedStyle(bar).fill, label: getComputedStyle(label).fill };
    await executeServerCommand('forced-colors', { active: true });
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      // What the system's Highlight and CanvasText colours are in this browser, resolved the same way.
      const probe = document.createElement('span');
      document.body.append(probe);
      probe.style.color = 'Highlight';
      const highlight = getComputedStyle(probe).color;
      probe.style.color = 'CanvasText';
      const canvasText = getComputedStyle(probe).color;
      probe.style.color = 'Canvas';
      const canvas = getComputedStyle(probe).color;
      probe.remove();
      expect(getComputedStyle(bar).fill).to.equal(highlight);
      expect(getComputedStyle(label).fill).to.equal(canvasText);
      expect(canvasText).not.to.equal(canvas, 'text is drawn in a colour other than the background');
      await expectAccessible(el);
    } finally {
      await executeServerCommand('forced-colors', { active: false });
    }
    expect(getComputedStyle(bar).fill).to.equal(before.bar);
    expect(getComputedStyle(label).fill).to.equal(before.label);
  });
});
