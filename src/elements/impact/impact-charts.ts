import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Report } from '../../contract/staff.ts';
import type { PublishedCount } from '../../core/disclosure.ts';
import type { VisitOutcomeId } from '../../core/visits.ts';
import type { LocaleController } from '../../i18n/locale-controller.ts';
import type { FigureText } from './impact-figures.ts';

/**
 * The impact report's charts, in plain SVG (smaller than any chart library
 * and easy to make readable in forced colours). Loaded by `<cls-impact>`
 * with a dynamic import only once it has a report to draw. Each chart is
 * hidden from assistive technology and has a text summary and a data table
 * instead, both from the published (already suppressed) figures only.
 */
export interface ChartsModule {
  renderCharts: typeof renderCharts;
}

export interface ChartContext {
  locale: Pick<LocaleController, 't' | 'number' | 'date' | 'lang'>;
  /** Heading level of each chart's heading. */
  level: number;
  text: FigureText;
  outcome?: VisitOutcomeId | undefined;
}

const WIDTH = 600;
const ROW = 56;
const BAR_ROW = 28;
const LABEL_WIDTH = 210;

/** The number a published count stands for in a chart, or undefined when it is not shown as a number. */
const shown = (count: PublishedCount | undefined): number | undefined => (count?.kind === 'count' ? count.value : undefined);

/** The hatching that marks "N or fewer" or withheld in every chart: a pattern, not a colour, so it reads in forced colours and in print. */
const hatch = svg`<defs>
  <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <line class="hatch" x1="0" y1="0" x2="0" y2="6" stroke-width="2" />
  </pattern>
</defs>`;

function day(locale: ChartContext['locale'], date: string): string {
  return locale.date(new Date(`${date}T12:00:00Z`));
}

/** Every chart of the report, each with its summary and its table. */
export function renderCharts(report: Report, context: ChartContext): TemplateResult {
  return html`<div class="charts" part="charts">${weeklyChart(report, context)} ${outcomesChart(report, context)} ${scoresChart(report, context)}</div>`;
}

/** Conversations per week, one small chart per hub on a shared scale. */
function weeklyChart(report: Report, context: ChartContext): TemplateResult {
  const { locale, text } = context;
  const { t } = locale;
  const { weeks, table } = report.weekly;
  const hubs = report.byHub.hubs;
  const max = Math.max(1, ...table.cells.flat().map((cell) => shown(cell) ?? 0), report.threshold);
  const barWidth = WIDTH / Math.max(weeks.length, 1);
  const totals = table.rowTotals.map(shown);
  const published = totals.flatMap((total, i) => (total === undefined ? [] : [{ week: weeks[i] as string, total }]));
  const busiest = published.reduce<{ week: string; total: number } | undefined>((best, row) => (!best || row.total > best.total ? row : best), undefined);
  const summary = busiest
    ? t('charts.weekly.summary', {
        hubs: locale.number(hubs.length),
        week: day(locale, busiest.week),
        busiest: locale.number(busiest.total),
        low: locale.number(Math.min(...published.map((row) => row.total))),
        high: locale.number(busiest.total),
      })
    : t('charts.weekly.summaryNone', { threshold: locale.number(report.threshold) });
  const height = hubs.length * ROW + 8;
  return html`<figure class="chart" aria-labelledby="chart-weekly-title">
    <div class="heading-m" role="heading" aria-level=${context.level} id="chart-weekly-title">${t('charts.weekly.title')}</div>
    <p class="chart__summary" id="chart-weekly-summary">${summary}</p>
    <p class="chart__key"><svg class="key" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${hatch}<rect class="suppressed" x="1" y="1" width="14" height="14" /></svg>
      ${t('charts.key', { threshold: locale.number(report.threshold) })}</p>
    ${hubs.length
      ? html`<svg class="chart__svg" viewBox="0 0 ${WIDTH} ${height}" aria-hidden="true" focusable="false" data-chart="weekly">
          ${hatch}
          ${hubs.map((hub, c) => {
            const top = c * ROW;
            const base = top + ROW - 8;
            return svg`<g class="multiple">
              <text class="label" x="0" y=${top + 14}>${hub.name}</text>
              <line class="axis" x1="0" x2=${WIDTH} y1=${base} y2=${base} />
              ${weeks.map((_, r) => {
                const cell = table.cells[r]?.[c];
                const value = shown(cell);
                const x = r * barWidth + 1;
                const w = Math.max(barWidth - 2, 1);
                if (value !== undefined) {
                  const h = (value / max) * (ROW - 26);
                  return value ? svg`<rect class="bar" x=${x} y=${base - h} width=${w} height=${h} />` : nothing;
                }
                const h = (report.threshold / max) * (ROW - 26);
                return svg`<rect class="suppressed" x=${x} y=${base - h} width=${w} height=${Math.max(h, 3)} />`;
              })}
            </g>`;
          })}
        </svg>`
      : nothing}
    <details class="chart__table">
      <summary>${t('charts.showTable')}</summary>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="chart-weekly-caption">
        <table class="table">
          <caption id="chart-weekly-caption">${t('charts.weekly.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('charts.weekly.week')}</th>
              ${hubs.map((hub) => html`<th scope="col" class="numeric">${hub.name}</th>`)}
              <th scope="col" class="numeric">${t('charts.total')}</th>
            </tr>
          </thead>
          <tbody>
            ${weeks.map(
              (week, r) => html`<tr>
                <th scope="row">${day(locale, week)}</th>
                ${hubs.map((_, c) => html`<td class="numeric">${text.count(table.cells[r]?.[c] ?? { kind: 'withheld' })}</td>`)}
                <td class="numeric">${text.count(table.rowTotals[r] ?? { kind: 'withheld' })}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </figure>`;
}

/** How many conversations had each outcome, as horizontal bars. */
function outcomesChart(report: Report, context: ChartContext): TemplateResult {
  const { locale, text } = context;
  const { t } = locale;
  const rows = report.outcomes;
  const max = Math.max(1, ...rows.map((row) => shown(row.count) ?? 0), report.threshold);
  const ranked = rows
    .flatMap((row) => {
      const value = shown(row.count);
      return value === undefined ? [] : [{ outcome: row.outcome, value }];
    })
    .sort((a, b) => b.value - a.value);
  const [first, second] = ranked;
  const summary = first
    ? second
      ? t('charts.outcomes.summary', { first: t(`outcomes.${first.outcome}`), firstCount: locale.number(first.value), second: t(`outcomes.${second.outcome}`), secondCount: locale.number(second.value) })
      : t('charts.outcomes.summaryOne', { first: t(`outcomes.${first.outcome}`), firstCount: locale.number(first.value) })
    : t('charts.outcomes.summaryNone', { threshold: locale.number(report.threshold) });
  const scale = WIDTH - LABEL_WIDTH - 60;
  return html`<figure class="chart" aria-labelledby="chart-outcomes-title">
    <div class="heading-m" role="heading" aria-level=${context.level} id="chart-outcomes-title">${t('charts.outcomes.title')}</div>
    <p class="chart__summary" id="chart-outcomes-summary">${summary}</p>
    <svg class="chart__svg" viewBox="0 0 ${WIDTH} ${rows.length * BAR_ROW + 4}" aria-hidden="true" focusable="false" data-chart="outcomes">
      ${hatch}
      ${rows.map((row, i) => {
        const y = i * BAR_ROW;
        const value = shown(row.count);
        const selected = context.outcome === row.outcome;
        const w = ((value ?? report.threshold) / max) * scale;
        return svg`<g class=${selected ? 'selected' : ''}>
          <text class="label" x="0" y=${y + 18}>${t(`outcomes.${row.outcome}`)}</text>
          <rect class=${value === undefined ? 'suppressed' : 'bar'} x=${LABEL_WIDTH} y=${y + 4} width=${Math.max(w, 2)} height=${BAR_ROW - 8} />
          <text class="value" x=${LABEL_WIDTH + Math.max(w, 2) + 6} y=${y + 18}>${text.count(row.count)}</text>
        </g>`;
      })}
    </svg>
    <details class="chart__table">
      <summary>${t('charts.showTable')}</summary>
      <table class="table">
        <caption>${t('charts.outcomes.caption')}</caption>
        <thead>
          <tr><th scope="col">${t('table.outcome')}</th><th scope="col" class="numeric">${t('table.conversations')}</th></tr>
        </thead>
        <tbody>
          ${rows.map((row) => html`<tr><th scope="row">${t(`outcomes.${row.outcome}`)}</th><td class="numeric">${text.count(row.count)}</td></tr>`)}
        </tbody>
      </table>
    </details>
  </figure>`;
}

const SCORE_HEIGHT = 220;
const SCORE_LEFT = 40;
const SCORE_BOTTOM = 30;

/** A month as its name and year, in the element's language. */
function month(locale: ChartContext['locale'], date: string): string {
  return new Intl.DateTimeFormat(locale.lang === 'cy' ? 'cy-GB' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * Mean wellbeing and "how helpful" scores by month, on the 1–5 scale. The two
 * lines differ by dash and marker shape, not only colour; a month withheld
 * is a gap in its line, never a point.
 */
function scoresChart(report: Report, context: ChartContext): TemplateResult {
  const { locale } = context;
  const { t } = locale;
  const { months, wellbeing, helpful } = report.scores;
  const plotWidth = WIDTH - SCORE_LEFT - 10;
  const step = plotWidth / Math.max(months.length, 1);
  const x = (i: number) => SCORE_LEFT + step * i + step / 2;
  const y = (score: number) => 10 + ((5 - score) / 4) * (SCORE_HEIGHT - SCORE_BOTTOM - 10);
  const value = (figure: Report['scores']['wellbeing'][number] | undefined) => (figure?.kind === 'average' ? figure.value : undefined);
  const score = (figure: Report['scores']['wellbeing'][number] | undefined) => {
    const v = value(figure);
    return v === undefined ? t('value.averageWithheld') : t('value.score', { value: locale.number(v, { maximumFractionDigits: 1 }) });
  };
  /** Runs of consecutive published months, each drawn as one line. */
  const segments = (series: Report['scores']['wellbeing']) => {
    const runs: Array<Array<[number, number]>> = [];
    let run: Array<[number, number]> = [];
    series.forEach((figure, i) => {
      const v = value(figure);
      if (v === undefined) {
        if (run.length) runs.push(run);
        run = [];
      } else run.push([x(i), y(v)]);
    });
    if (run.length) runs.push(run);
    return runs;
  };
  const line = (series: Report['scores']['wellbeing'], name: 'wellbeing' | 'helpful') => svg`<g class="series series--${name}">
    ${segments(series).map((run) => svg`<polyline class="line" points=${run.map(([px, py]) => `${px},${py}`).join(' ')} />`)}
    ${series.map((figure, i) => {
      const v = value(figure);
      if (v === undefined) return nothing;
      return name === 'wellbeing'
        ? svg`<circle class="marker" cx=${x(i)} cy=${y(v)} r="4" />`
        : svg`<rect class="marker" x=${x(i) - 4} y=${y(v) - 4} width="8" height="8" />`;
    })}
  </g>`;
  const shownMonths = (series: Report['scores']['wellbeing']) => series.filter((figure) => figure.kind === 'average').length;
  const first = (series: Report['scores']['wellbeing']) => series.findIndex((figure) => figure.kind === 'average');
  const last = (series: Report['scores']['wellbeing']) => series.length - 1 - [...series].reverse().findIndex((figure) => figure.kind === 'average');
  const describe = (series: Report['scores']['wellbeing'], name: 'wellbeing' | 'helpful') => {
    const count = shownMonths(series);
    if (!count) return t(`charts.scores.${name}None`, { threshold: locale.number(report.threshold) });
    const a = first(series);
    const b = last(series);
    return t(`charts.scores.${name}Summary`, {
      from: month(locale, months[a] as string),
      fromScore: score(series[a]),
      to: month(locale, months[b] as string),
      toScore: score(series[b]),
      shown: locale.number(count),
      months: locale.number(months.length),
    });
  };
  const labelEvery = Math.max(1, Math.ceil(months.length / 6));
  return html`<figure class="chart" aria-labelledby="chart-scores-title">
    <div class="heading-m" role="heading" aria-level=${context.level} id="chart-scores-title">${t('charts.scores.title')}</div>
    <p class="chart__summary" id="chart-scores-summary">${describe(wellbeing, 'wellbeing')} ${describe(helpful, 'helpful')}</p>
    <p class="chart__key">
      <svg class="key" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle class="marker" cx="8" cy="8" r="5" /></svg> ${t('charts.scores.wellbeing')}
      <svg class="key" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect class="marker" x="3" y="3" width="10" height="10" /></svg> ${t('charts.scores.helpful')}
    </p>
    <svg class="chart__svg" viewBox="0 0 ${WIDTH} ${SCORE_HEIGHT}" aria-hidden="true" focusable="false" data-chart="scores">
      ${[1, 2, 3, 4, 5].map(
        (tick) => svg`<line class="grid" x1=${SCORE_LEFT} x2=${WIDTH - 10} y1=${y(tick)} y2=${y(tick)} /><text class="label" x="4" y=${y(tick) + 5}>${locale.number(tick)}</text>`,
      )}
      ${months.map((m, i) => (i % labelEvery === 0 ? svg`<text class="label" x=${x(i)} y=${SCORE_HEIGHT - 8} text-anchor="middle">${month(locale, m)}</text>` : nothing))}
      ${line(wellbeing, 'wellbeing')} ${line(helpful, 'helpful')}
    </svg>
    <details class="chart__table">
      <summary>${t('charts.showTable')}</summary>
      <table class="table">
        <caption>${t('charts.scores.caption')}</caption>
        <thead>
          <tr><th scope="col">${t('charts.scores.month')}</th><th scope="col">${t('charts.scores.wellbeing')}</th><th scope="col">${t('charts.scores.helpful')}</th></tr>
        </thead>
        <tbody>
          ${months.map((m, i) => html`<tr><th scope="row">${month(locale, m)}</th><td>${score(wellbeing[i])}</td><td>${score(helpful[i])}</td></tr>`)}
        </tbody>
      </table>
    </details>
  </figure>`;
}
