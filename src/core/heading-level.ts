/**
 * The one heading rule every element follows: its main heading sits at the
 * level the host page asks for (2–6, default 2), and everything inside it
 * (sections, the error summary, banners) one level below, never past 6, so
 * the element fits the page's outline whatever level it is given.
 */
export interface HeadingLevels {
  /** The element's own heading. */
  main: number;
  /** Headings inside the element: sections, error summary, banners. */
  sub: number;
}

export const DEFAULT_HEADING_LEVEL = 2;

export function headingLevels(requested: number | undefined): HeadingLevels {
  const rounded = Math.round(Number(requested));
  const main = Number.isFinite(rounded) && rounded >= 2 ? Math.min(6, rounded) : DEFAULT_HEADING_LEVEL;
  return { main, sub: Math.min(6, main + 1) };
}
