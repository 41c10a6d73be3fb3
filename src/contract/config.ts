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
  /**
   * The council's own numbers for the self-assessment's urgent-help panels (see the questionnaires'
   * `urgentHelp`): the main number in office hours (for no food or heating), the adult social care
   * front door (for a carer who cannot keep caring safely) and the safeguarding team. A panel leaves
   * out a number the page does not give; 999 and Samaritans are always there.
   */
  councilPhone: z.optional(z.string().check(z.minLength(3), z.maxLength(40))),
  /** When `councilPhone` is answered, e.g. `{ "en": "Monday to Friday, 9am to 5pm", "cy": "…" }`. */
  councilHours: z.optional(z.object({ en: z.string().check(z.minLength(1), z.maxLength(200)), cy: z.optional(z.string().check(z.maxLength(200))) })),
  adultSocialCarePhone: z.optional(z.string().check(z.minLength(3), z.maxLength(40))),
  /** When `adultSocialCarePhone` is answered. */
  adultSocialCareHours: z.optional(z.object({ en: z.string().check(z.minLength(1), z.maxLength(200)), cy: z.optional(z.string().check(z.maxLength(200))) })),
  safeguardingPhone: z.optional(z.string().check(z.minLength(3), z.maxLength(40))),
  /**
   * Where a questionnaire's link to another one goes (what-matters links to `looking-after-someone`), by
   * questionnaire id; without an entry, this page with `?q=<id>` (as the demo page reads it).
   */
  questionnaireUrls: z.optional(z.record(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,62}$/)), z.string().check(z.minLength(1), z.maxLength(500)))),
  /** The community team's phone number, offered for a hub that lists no sessions and has no number of its own. */
  contactPhone: z.optional(z.string().check(z.minLength(3), z.maxLength(40))),
  /** The community team's email address, with `contactPhone` on the self-assessment's result and its printed copy. */
  contactEmail: z.optional(z.string().check(z.minLength(3), z.maxLength(200))),
  /** The community team's web page (http or https), with `contactPhone` on the self-assessment's result and its printed copy. */
  contactUrl: z.optional(z.string().check(z.regex(/^https?:\/\/\S+$/i), z.maxLength(500))),
  /**
   * A tile-free map background for `<cls-hub-finder>`: the area's outline and its town names, drawn
   * when no tiles are configured (no third-party requests).
   */
  mapBackground: z.optional(
    z.object({
      outline: z.optional(z.array(z.object({ lat: z.number(), lng: z.number() }))),
      labels: z.optional(z.array(z.object({ name: z.string(), coordinates: z.object({ lat: z.number(), lng: z.number() }) }))),
    }),
  ),
  /**
   * A directions link on the booking confirmation: a URL template with `{lat}`, `{lng}`, `{postcode}`
   * and `{address}`, e.g. `https://www.openstreetmap.org/directions?to={lat},{lng}`. No link when absent.
   */
  directionsUrl: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  /**
   * When the council's team reads messages sent through `<cls-self-assessment>`,
   * in the page's languages, e.g. `{ "en": "Monday to Friday, 9am to 5pm", "cy": "Dydd Llun i ddydd Gwener, 9am tan 5pm" }`.
   * Shown on the confirmation, so nobody waits on an unwatched inbox.
   */
  inboxHours: z.optional(z.object({ en: z.string().check(z.minLength(1), z.maxLength(200)), cy: z.optional(z.string().check(z.maxLength(200))) })),
  /** Working days within which the team gets in touch after a self-assessment is sent. */
  replyWorkingDays: z.optional(z.int().check(z.gte(1), z.lte(60))),
  /**
   * The site's own words for some of the elements' strings, per language and element:
   * `{ "en": { "cls-hub-finder": { "heading": "Find a talking point" } }, "cy": { … } }`.
   * Keys are listed in docs/strings.md; an element's `strings` property wins over these.
   */
  strings: z.optional(z.partialRecord(z.enum(['en', 'cy']), z.record(z.string().check(z.regex(/^cls-[a-z-]+$/)), z.record(z.string(), z.string().check(z.maxLength(2000)))))),
  /** Map tiles for `<cls-hub-finder>` on every page of the site; off (no third-party requests) when absent. */
  tiles: z.optional(z.object({ url: z.string().check(z.minLength(1)), attribution: z.string() })),
});
export type PageConfig = z.infer<typeof PageConfig>;
