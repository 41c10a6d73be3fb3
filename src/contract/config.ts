import * as z from 'zod/mini';

/**
 * The page-level configuration a site owner may put in
 * `<script type="application/json" id="cls-config">`. Unknown keys are
 * ignored so that newer pages work with older widgets.
 */
export const PageConfig = z.looseObject({
  /** Base URL of the API, e.g. `https://council.example/api/v1`. */
  apiBase: z.optional(z.string().check(z.minLength(1))),
  /** The council's out-of-hours social care number, shown with urgent help. */
  outOfHoursPhone: z.optional(z.string().check(z.minLength(3), z.maxLength(40))),
  /** Map tiles for `<cls-hub-finder>` on every page of the site; off (no third-party requests) when absent. */
  tiles: z.optional(z.object({ url: z.string().check(z.minLength(1)), attribution: z.string() })),
});
export type PageConfig = z.infer<typeof PageConfig>;
