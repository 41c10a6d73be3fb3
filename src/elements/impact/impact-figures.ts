import type { Report, ReportMeasure } from '../../contract/staff.ts';
import type { PublishedAverage, PublishedCount } from '../../core/disclosure.ts';
import type { LocaleController } from '../../i18n/locale-controller.ts';

/** How the report's published figures read in the element's language. */
export interface FigureText {
  /** A count: the rounded number, "7 or fewer", or withheld in words. */
  count(count: PublishedCount): string;
  /** A headline measure as a sentence fragment. */
  measure(measure: ReportMeasure): string;
}

/**
 * Words for what the server published, and nothing more: a suppressed count
 * is never shown as a number, and an average withheld is said in words.
 */
export function figureText(locale: Pick<LocaleController, 't' | 'number'>, report: Report): FigureText {
  const { t } = locale;
  const threshold = locale.number(report.threshold);
  const count = (figure: PublishedCount): string => {
    if (figure.kind === 'count') return locale.number(figure.value);
    return figure.kind === 'small' ? t('value.small', { threshold }) : t('value.withheld');
  };
  const average = (figure: PublishedAverage, key: 'value.days' | 'value.score' | 'value.change'): string => {
    if (figure.kind === 'withheld') return t('value.averageWithheld');
    const value = locale.number(figure.value, { maximumFractionDigits: 1, ...(key === 'value.change' ? { signDisplay: 'exceptZero' } : {}) });
    return t(key, { value });
  };
  const withShare = (figure: PublishedCount, share: number | undefined): string =>
    share === undefined ? count(figure) : `${count(figure)} (${t('value.share', { share: locale.number(share) })})`;
  const measures: Record<ReportMeasure, () => string> = {
    conversations: () => count(report.conversations),
    'resolved-in-community': () => withShare(report.resolution.community, report.resolution.communityShare),
    'onward-to-formal-services': () => withShare(report.resolution.formal, report.resolution.formalShare),
    'connected-to-community': () => count(report.connectedToCommunity),
    'invited-back': () => count(report.invitedBack),
    'days-to-first-conversation': () => average(report.daysToFirstConversation, 'value.days'),
    'bookings-made': () => count(report.bookings.made),
    'bookings-attended': () => count(report.bookings.attended),
    'bookings-missed': () => count(report.bookings.missed),
    'self-assessments-sent': () => count(report.selfAssessments.sent),
    'feedback-count': () => count(report.feedback.count),
    'feedback-helpful': () => average(report.feedback.helpful, 'value.score'),
    'feedback-ease': () => average(report.feedback.ease, 'value.score'),
    'distance-travelled': () =>
      `${average(report.distanceTravelled.change, 'value.change')}. ${t('value.people', { people: count(report.distanceTravelled.people) })}`,
  };
  return { count, measure: (measure) => measures[measure]() };
}
