import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './http/client-address.ts';
import { DEFAULT_QUESTIONNAIRES_DIR } from './questionnaires.ts';
import type { NotifyOptions, NotifyTemplates } from './notify/outbox.ts';
import { DEFAULT_RETENTION, type RetentionPolicy } from './retention.ts';
import { DEFAULT_OFFER_HOURS } from '../src/core/waiting-list.ts';

/** `NOTIFY_TEMPLATE_…` variables → the message and channel each template is for. */
const NOTIFY_TEMPLATE_VARIABLES = {
  NOTIFY_TEMPLATE_CONFIRMATION_EMAIL: 'confirmation-email',
  NOTIFY_TEMPLATE_CONFIRMATION_SMS: 'confirmation-sms',
  NOTIFY_TEMPLATE_REMINDER_EMAIL: 'reminder-email',
  NOTIFY_TEMPLATE_REMINDER_SMS: 'reminder-sms',
  NOTIFY_TEMPLATE_CANCELLATION_EMAIL: 'cancellation-email',
  NOTIFY_TEMPLATE_CANCELLATION_SMS: 'cancellation-sms',
  NOTIFY_TEMPLATE_WAITING_OFFER_EMAIL: 'waiting-offer-email',
  NOTIFY_TEMPLATE_WAITING_OFFER_SMS: 'waiting-offer-sms',
} as const satisfies Record<string, keyof NotifyTemplates>;
const templateId = z.string().regex(/^[0-9a-f-]{36}$/i, 'must be a Notify template id (a UUID)').optional();

const list = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

/** Feed base URLs, separated by commas or spaces: each must be an absolute http(s) URL. */
const feedUrls = z
  .string()
  .optional()
  .transform((value, context) => {
    const urls = [...new Set((value ?? '').split(/[\s,]+/).filter(Boolean))];
    for (const url of urls) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        parsed = undefined;
      }
      if (!parsed || !/^https?:$/.test(parsed.protocol)) {
        context.addIssue({
          code: 'custom',
          message: `${JSON.stringify(url)} is not an http(s) URL (give each feed's base URL, e.g. https://directory.council.example/oruk, separated by commas or spaces)`,
        });
      }
    }
    return urls;
  });

/** A limit per client per minute: a whole number, at least 1. */
/** A whole number of minutes from `least` to a week, `fallback` when unset. */
const minutes = (least: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number of minutes')
    .transform(Number)
    .pipe(z.number().int().min(least, `must be at least ${least} minute${least === 1 ? '' : 's'}`).max(10_080, 'must be at most 10080 (a week)'))
    .default(fallback);

const perMinute = (fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1))
    .default(fallback);

/** A retention period in days: a whole number from 1 to 3,650. */
const retentionDays = z.string().regex(/^\d+$/, 'must be a whole number of days').transform(Number).pipe(z.number().int().min(1).max(3650));

/** `DATA_DIR` for a database in memory, gone when the process ends. */
export const IN_MEMORY = 'memory://';

/** Every environment variable the server reads. Invalid values stop start-up with a clear message. */
export const ServerEnv = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535))
    .default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL name, e.g. cls').optional(),
  DATABASE_POOL_MAX: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(1).max(200)).default(10),
  DATA_DIR: z.string().default('.data'),
  NODE_ENV: z.string().optional(),
  STAFF_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  ALLOWED_ORIGINS: list,
  BOOKING_RETENTION_DAYS: retentionDays.default(DEFAULT_RETENTION.bookingDays),
  SUBMISSION_RETENTION_DAYS: retentionDays.default(DEFAULT_RETENTION.submissionDays),
  VISIT_RETENTION_DAYS: retentionDays.optional(),
  RATE_LIMIT_PER_MINUTE: perMinute(30),
  LOOKUPS_PER_MINUTE: perMinute(60),
  GEOCODER_URL: z.string().url('must be a URL, e.g. https://api.postcodes.io').optional(),
  SEED: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value !== 'false' && value !== '0'),
  WEBHOOK_URL: z.string().url('must be a URL, e.g. https://staff.example/hooks/cls').regex(/^https?:\/\//, 'must be an http(s) URL').optional(),
  WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  QUESTIONNAIRES_DIR: z.string().optional(),
  NOTIFY_API_KEY: z.string().min(74, 'must be a GOV.UK Notify API key').optional(),
  NOTIFY_BASE_URL: z.string().url('must be a URL, e.g. https://api.notifications.service.gov.uk').optional(),
  NOTIFY_TEMPLATE_CONFIRMATION_EMAIL: templateId,
  NOTIFY_TEMPLATE_CONFIRMATION_SMS: templateId,
  NOTIFY_TEMPLATE_REMINDER_EMAIL: templateId,
  NOTIFY_TEMPLATE_REMINDER_SMS: templateId,
  NOTIFY_TEMPLATE_CANCELLATION_EMAIL: templateId,
  NOTIFY_TEMPLATE_CANCELLATION_SMS: templateId,
  NOTIFY_TEMPLATE_WAITING_OFFER_EMAIL: templateId,
  NOTIFY_TEMPLATE_WAITING_OFFER_SMS: templateId,
  WAITING_OFFER_MINUTES: minutes(15, DEFAULT_OFFER_HOURS * 60),
  BOOKING_MANAGE_URL: z.string().url('must be a URL with {reference} and {key}').optional(),
  ORUK_SOURCES: feedUrls,
  ORUK_SYNC_MINUTES: minutes(1, 60),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context): TrustedProxies => {
      const trusted = parseTrustedProxies(value);
      if (typeof trusted !== 'string') return trusted;
      context.addIssue({ code: 'custom', message: `${trusted} (use a number of proxy hops, e.g. 1, or proxy addresses and CIDR ranges, e.g. 10.0.0.0/8)` });
      return z.NEVER;
    }),
});

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL connections this process may hold. */
  databasePoolMax: number;
  /** The PostgreSQL schema to keep the tables in (created if missing); the connection's default when unset. */
  databaseSchema: string | undefined;
  /** How long personal details are kept (see server/retention.ts). */
  retention: RetentionPolicy;
  /** PGlite's folder, or `memory://` for a database that lives as long as the process. */
  dataDir: string;
  /** Serve the CDN bundle's source maps (not when NODE_ENV=production: they publish the source). */
  sourceMaps: boolean;
  staffToken: string;
  staffTokenGenerated: boolean;
  allowedOrigins: string[];
  postsPerMinute: number;
  /** Resume-code look-ups per client IP per minute, so codes cannot be guessed by brute force. */
  lookupsPerMinute: number;
  /** Which proxies may tell us the client's address (for rate limits). */
  trustProxy: TrustedProxies;
  geocoderUrl: string | undefined;
  seed: boolean;
  /** The folder of questionnaire definitions (`*.json`); `server/questionnaires` unless QUESTIONNAIRES_DIR is set. */
  questionnairesDir: string;
  /** Where bookings are sent for staff, signed with `secret`; both variables or neither. */
  webhook: { url: string; secret: string } | undefined;
  /** GOV.UK Notify for booking messages (NOTIFY_API_KEY and the NOTIFY_TEMPLATE_… ids); undefined: no messages. */
  notify: NotifyOptions | undefined;
  /** Councils' ORUK feeds to mirror into the directory (ORUK_SOURCES); empty: none. */
  orukSources: string[];
  /** Minutes between mirror syncs (ORUK_SYNC_MINUTES, default 60). */
  orukSyncMinutes: number;
  /** How long someone offered a freed place at a full session has to take it (WAITING_OFFER_MINUTES). */
  waitingOfferMinutes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const parsed = ServerEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== '')));
  const lines = parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  if (parsed.success && !parsed.data.WEBHOOK_URL !== !parsed.data.WEBHOOK_SECRET) {
    lines.push(parsed.data.WEBHOOK_URL ? '  WEBHOOK_SECRET: required when WEBHOOK_URL is set' : '  WEBHOOK_URL: required when WEBHOOK_SECRET is set');
  }
  if (!parsed.success || lines.length) throw new Error(`Invalid server configuration:\n${lines.join('\n')}`);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    databaseSchema: e.DATABASE_SCHEMA,
    retention: { bookingDays: e.BOOKING_RETENTION_DAYS, submissionDays: e.SUBMISSION_RETENTION_DAYS, visitDays: e.VISIT_RETENTION_DAYS },
    dataDir: e.DATA_DIR === IN_MEMORY ? IN_MEMORY : resolve(cwd, e.DATA_DIR),
    sourceMaps: e.NODE_ENV !== 'production',
    staffToken: e.STAFF_TOKEN ?? randomBytes(24).toString('base64url'),
    staffTokenGenerated: !e.STAFF_TOKEN,
    allowedOrigins: e.ALLOWED_ORIGINS,
    postsPerMinute: e.RATE_LIMIT_PER_MINUTE,
    lookupsPerMinute: e.LOOKUPS_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    geocoderUrl: e.GEOCODER_URL,
    seed: e.SEED,
    questionnairesDir: e.QUESTIONNAIRES_DIR ? resolve(cwd, e.QUESTIONNAIRES_DIR) : DEFAULT_QUESTIONNAIRES_DIR,
    webhook: e.WEBHOOK_URL && e.WEBHOOK_SECRET ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET } : undefined,
    orukSources: e.ORUK_SOURCES,
    orukSyncMinutes: e.ORUK_SYNC_MINUTES,
    waitingOfferMinutes: e.WAITING_OFFER_MINUTES,
    notify: e.NOTIFY_API_KEY
      ? {
          apiKey: e.NOTIFY_API_KEY,
          baseUrl: e.NOTIFY_BASE_URL,
          manageUrl: e.BOOKING_MANAGE_URL,
          templates: Object.fromEntries(
            Object.entries(NOTIFY_TEMPLATE_VARIABLES).flatMap(([variable, slot]) => {
              const id = e[variable as keyof typeof NOTIFY_TEMPLATE_VARIABLES];
              return id ? [[slot, id]] : [];
            }),
          ) as NotifyTemplates,
        }
      : undefined,
  };
}
