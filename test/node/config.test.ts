import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.ts';

const CWD = '/srv/community-led-widgets';
const TOKEN = 'a-staff-token-of-32-characters!!';

/** The message of the Error `loadConfig` throws for `env`. */
function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env, CWD);
  } catch (error) {
    assert.ok(error instanceof Error);
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('has working defaults when nothing is set', () => {
    const config = loadConfig({}, CWD);
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, join(CWD, '.data'));
    assert.deepEqual(config.allowedOrigins, []);
    assert.equal(config.postsPerMinute, 30);
    assert.deepEqual(config.trustProxy, { kind: 'none' });
  });

  it('generates a strong staff token and says it did', () => {
    const first = loadConfig({}, CWD);
    const second = loadConfig({}, CWD);
    assert.equal(first.staffTokenGenerated, true);
    assert.ok(first.staffToken.length >= 16, 'at least as long as a token the operator may set');
    assert.notEqual(first.staffToken, second.staffToken);
  });

  it('uses the staff token it is given', () => {
    const config = loadConfig({ STAFF_TOKEN: TOKEN }, CWD);
    assert.equal(config.staffToken, TOKEN);
    assert.equal(config.staffTokenGenerated, false);
  });

  it('resolves a relative DATA_DIR under the working directory and keeps an absolute one', () => {
    assert.equal(loadConfig({ DATA_DIR: 'state/db' }, CWD).dataDir, join(CWD, 'state', 'db'));
    assert.equal(loadConfig({ DATA_DIR: '/var/lib/cls' }, CWD).dataDir, '/var/lib/cls');
  });

  it('reads the port, database URL, rate limit and proxy setting', () => {
    const config = loadConfig(
      { PORT: '3000', HOST: '127.0.0.1', DATABASE_URL: 'postgresql://u:p@db:5432/cls', RATE_LIMIT_PER_MINUTE: '5', LOOKUPS_PER_MINUTE: '7', TRUST_PROXY: '1' },
      CWD,
    );
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, 'postgresql://u:p@db:5432/cls');
    assert.equal(config.postsPerMinute, 5);
    assert.equal(config.lookupsPerMinute, 7);
    assert.equal(loadConfig({}, CWD).lookupsPerMinute, 60);
    assert.equal(loadConfig({}, CWD).databasePoolMax, 10);
    assert.equal(loadConfig({ DATABASE_POOL_MAX: '25' }, CWD).databasePoolMax, 25);
    assert.deepEqual(config.trustProxy, { kind: 'hops', hops: 1 });
    // memory:// is a database in memory, not a folder called "memory:".
    assert.equal(loadConfig({ DATA_DIR: 'memory://' }, CWD).dataDir, 'memory://');
    assert.equal(loadConfig({}, CWD).sourceMaps, true);
    assert.equal(loadConfig({ NODE_ENV: 'production' }, CWD).sourceMaps, false);
    assert.deepEqual(loadConfig({ TRUST_PROXY: 'false' }, CWD).trustProxy, { kind: 'none' });
    assert.deepEqual(loadConfig({ TRUST_PROXY: 'true' }, CWD).trustProxy, { kind: 'hops', hops: 1 });
    assert.deepEqual(loadConfig({ TRUST_PROXY: '2' }, CWD).trustProxy, { kind: 'hops', hops: 2 });
    const ranges = loadConfig({ TRUST_PROXY: '10.0.0.0/8, 2001:db8::/32' }, CWD).trustProxy;
    assert.equal(ranges.kind === 'proxies' && ranges.ranges.length, 2);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', STAFF_TOKEN: '', DATA_DIR: '', ALLOWED_ORIGINS: '' }, CWD);
    assert.equal(config.port, 8080);
    assert.equal(config.staffTokenGenerated, true);
    assert.equal(config.dataDir, join(CWD, '.data'));
    assert.deepEqual(config.allowedOrigins, []);
  });

  it('splits ALLOWED_ORIGINS on commas, ignoring spaces and empty items', () => {
    assert.deepEqual(loadConfig({ ALLOWED_ORIGINS: 'https://council.example' }, CWD).allowedOrigins, ['https://council.example']);
    assert.deepEqual(
      loadConfig({ ALLOWED_ORIGINS: 'https://council.example, https://library.example ,,https://charity.example,' }, CWD).allowedOrigins,
      ['https://council.example', 'https://library.example', 'https://charity.example'],
    );
  });

  for (const port of ['eighty', '65536', '-1', '80.5']) {
    it(`refuses PORT=${port}, naming the variable`, () => {
      assert.match(configError({ PORT: port }), /\bPORT\b/);
    });
  }

  it('refuses a STAFF_TOKEN shorter than 16 characters, naming the variable', () => {
    const message = configError({ STAFF_TOKEN: 'too-short' });
    assert.match(message, /\bSTAFF_TOKEN\b/);
    assert.match(message, /16/);
    // The rejected secret is not echoed back into logs.
    assert.doesNotMatch(message, /too-short/);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, naming the variable', () => {
    assert.match(configError({ DATABASE_URL: 'mysql://db/cls' }), /\bDATABASE_URL\b/);
  });

  it('reads the retention periods, with defaults, and refuses ones that are not whole days', () => {
    assert.deepEqual(loadConfig({}, CWD).retention, { bookingDays: 180, submissionDays: 365, visitDays: undefined });
    assert.deepEqual(loadConfig({ BOOKING_RETENTION_DAYS: '30', SUBMISSION_RETENTION_DAYS: '90', VISIT_RETENTION_DAYS: '1095' }, CWD).retention, { bookingDays: 30, submissionDays: 90, visitDays: 1095 });
    for (const name of ['BOOKING_RETENTION_DAYS', 'SUBMISSION_RETENTION_DAYS', 'VISIT_RETENTION_DAYS']) assert.match(configError({ [name]: '0' }), new RegExp(`\\b${name}\\b`));
  });

  it('refuses a pool size that is not a whole number from 1 to 200, naming the variable', () => {
    for (const value of ['0', '-1', 'ten', '201']) assert.match(configError({ DATABASE_POOL_MAX: value }), /\bDATABASE_POOL_MAX\b/, value);
  });

  it('names every bad variable at once', () => {
    const message = configError({ PORT: 'x', STAFF_TOKEN: 'short', RATE_LIMIT_PER_MINUTE: '0', LOOKUPS_PER_MINUTE: 'x', TRUST_PROXY: 'yes' });
    for (const name of ['PORT', 'STAFF_TOKEN', 'RATE_LIMIT_PER_MINUTE', 'LOOKUPS_PER_MINUTE', 'TRUST_PROXY']) assert.match(message, new RegExp(`\\b${name}\\b`));
  });

  it('has no booking webhook unless one is configured', () => {
    assert.equal(loadConfig({}, CWD).webhook, undefined);
  });

  it('reads the booking webhook URL and secret', () => {
    const config = loadConfig({ WEBHOOK_URL: 'https://staff.example/hooks/cls', WEBHOOK_SECRET: 'a-webhook-secret-0123456789' }, CWD);
    assert.deepEqual(config.webhook, { url: 'https://staff.example/hooks/cls', secret: 'a-webhook-secret-0123456789' });
  });

  it('refuses a webhook URL without a secret, and a secret without a URL, naming the missing variable', () => {
    assert.match(configError({ WEBHOOK_URL: 'https://staff.example/hooks/cls' }), /\bWEBHOOK_SECRET\b/);
    assert.match(configError({ WEBHOOK_SECRET: 'a-webhook-secret-0123456789' }), /\bWEBHOOK_URL\b/);
  });

  it('refuses a short webhook secret or a non-http URL without echoing the secret', () => {
    const message = configError({ WEBHOOK_URL: 'ftp://staff.example/', WEBHOOK_SECRET: 'short-secret' });
    assert.match(message, /\bWEBHOOK_URL\b/);
    assert.match(message, /\bWEBHOOK_SECRET\b/);
    assert.doesNotMatch(message, /short-secret/);
  });

  it('mirrors no feeds unless ORUK_SOURCES is set, and syncs hourly by default', () => {
    const config = loadConfig({}, CWD);
    assert.deepEqual(config.orukSources, []);
    assert.equal(config.orukSyncMinutes, 60);
  });

  it('splits ORUK_SOURCES on commas and spaces, once each, and reads ORUK_SYNC_MINUTES', () => {
    const config = loadConfig(
      { ORUK_SOURCES: ' https://a.council.example/oruk,https://b.council.example/api/v1  https://a.council.example/oruk,\nhttp://c.example/o?key=1', ORUK_SYNC_MINUTES: '15' },
      CWD,
    );
    assert.deepEqual(config.orukSources, ['https://a.council.example/oruk', 'https://b.council.example/api/v1', 'http://c.example/o?key=1']);
    assert.equal(config.orukSyncMinutes, 15);
  });

  it('refuses a feed that is not an http(s) URL, naming the variable and the value', () => {
    const message = configError({ ORUK_SOURCES: 'https://ok.example/oruk, ftp://files.example/feed directory.example/oruk' });
    assert.match(message, /ORUK_SOURCES: "ftp:\/\/files\.example\/feed" is not an http\(s\) URL/);
    assert.match(message, /ORUK_SOURCES: "directory\.example\/oruk" is not an http\(s\) URL/);
    assert.doesNotMatch(message, /ok\.example/);
  });

  for (const minutes of ['0', 'hourly', '1.5', '20000']) {
    it(`refuses ORUK_SYNC_MINUTES=${minutes}, naming the variable`, () => {
      assert.match(configError({ ORUK_SYNC_MINUTES: minutes }), /ORUK_SYNC_MINUTES: must be/);
    });
  }

  it('ignores variables it does not know', () => {
    assert.equal(loadConfig({ HOME: '/root', PATH: '/usr/bin', NODE_ENV: 'production' }, CWD).port, 8080);
  });
});
