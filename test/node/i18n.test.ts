import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import type { ApiMessageKey } from '../../src/client/errors.ts';
import { NextStep } from '../../src/contract/questionnaire.ts';
import { VISIT_OUTCOMES } from '../../src/core/visits.ts';
import { feedbackMessagesCy } from '../../src/elements/feedback/feedback.locales.cy.ts';
import { feedbackMessages } from '../../src/elements/feedback/feedback.locales.ts';
import { commonCy } from '../../src/i18n/common.cy.ts';
import { common as commonEn } from '../../src/i18n/common.ts';
import { formatDate, formatDay, formatDistance, formatNumber, formatTime } from '../../src/i18n/format.ts';
import { LANGUAGES, supportedLanguage, type Language } from '../../src/i18n/languages.ts';
import { createLocalizer, type Messages } from '../../src/i18n/localizer.ts';
import { CATALOGUES } from '../../scripts/catalogues.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLURAL_FORMS: Record<Language, readonly string[]> = {
  en: new Intl.PluralRules('en').resolvedOptions().pluralCategories,
  cy: new Intl.PluralRules('cy').resolvedOptions().pluralCategories,
};

/** Every leaf of a catalogue as dotted key → text. */
function leaves(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** Base key (plural suffix removed) → the plural forms present, or an empty set for a plain key. */
function baseKeys(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, -match[0].length) : key;
    const forms = out.get(base) ?? new Set<string>();
    if (match?.[1]) forms.add(match[1]);
    out.set(base, forms);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const common: Record<Language, Messages> = { en: commonEn, cy: commonCy };
// Every element's catalogue from the one list the docs and the spell-check use, so none is left out.
const catalogues: Record<string, Record<Language, Messages>> = {
  common,
  ...Object.fromEntries(CATALOGUES.map((catalogue) => [catalogue.tag, { en: catalogue.en, cy: catalogue.cy }])),
};

for (const [name, catalogue] of Object.entries(catalogues)) {
  describe(`${name} catalogue`, () => {
    const en = leaves(catalogue.en);
    const cy = leaves(catalogue.cy);
    const enBase = baseKeys(en);
    const cyBase = baseKeys(cy);

    it('has a Welsh string for every English one', () => {
      const missing = [...enBase.keys()].filter((key) => !cyBase.has(key));
      assert.deepEqual(missing, []);
    });

    it('has an English string for every Welsh one', () => {
      const missing = [...cyBase.keys()].filter((key) => !enBase.has(key));
      assert.deepEqual(missing, []);
    });

    it('uses a key either as plural or as plain text in both languages alike', () => {
      for (const [key, forms] of enBase) {
        const cyForms = cyBase.get(key);
        if (!cyForms) continue;
        assert.equal(forms.size > 0, cyForms.size > 0, key);
      }
    });

    it('gives each plural every form the language needs', () => {
      for (const lang of LANGUAGES) {
        for (const [key, forms] of baseKeys(leaves(catalogue[lang]))) {
          if (!forms.size) continue;
          for (const form of PLURAL_FORMS[lang]) assert.ok(forms.has(form), `${lang}: ${key}_${form} is missing`);
        }
      }
      // Intl.PluralRules('cy') really does use six forms, so Welsh needs all of them.
      assert.equal(PLURAL_FORMS.cy.length, 6);
    });

    it('has no empty strings', () => {
      for (const [lang, flat] of [['en', en], ['cy', cy]] as const) {
        for (const [key, text] of flat) assert.notEqual(text.trim(), '', `${lang}: ${key}`);
      }
    });

    it('uses the same placeholders in both languages', () => {
      // A zero form may say "none" in words instead of {{count}}; every other placeholder must match.
      for (const [key, text] of en) {
        const base = key.replace(PLURAL_SUFFIX, '');
        for (const [cyKey, cyText] of cy) {
          if (cyKey.replace(PLURAL_SUFFIX, '') !== base) continue;
          const zero = key.endsWith('_zero') || cyKey.endsWith('_zero');
          const strip = (names: Array<string | undefined>) => (zero ? names.filter((name) => name !== 'count') : names);
          assert.deepEqual(strip(placeholders(cyText)), strip(placeholders(text)), `${cyKey} vs ${key}`);
        }
      }
    });
  });
}

describe('the catalogues cover what the code asks for', () => {
  it('has a sentence in both languages for every API error message key', () => {
    // A Record over the union type: the compiler insists every key is listed.
    const keys: Record<ApiMessageKey, true> = {
      'errors.offline': true,
      'errors.network': true,
      'errors.timeout': true,
      'errors.server': true,
      'errors.invalidResponse': true,
      'errors.validation': true,
      'errors.rateLimited': true,
      'errors.unauthorized': true,
      'errors.notFound': true,
      'errors.rejected': true,
    };
    for (const lang of LANGUAGES) {
      const flat = leaves(common[lang]);
      for (const key of Object.keys(keys)) assert.ok(flat.get(key), `${lang}: ${key}`);
    }
  });

  it('names every next step and every visit outcome the report can give, in the impact report, in both languages', () => {
    for (const lang of LANGUAGES) {
      const flat = leaves(catalogues['cls-impact']?.[lang] ?? {});
      for (const step of NextStep.options) assert.ok(flat.get(`nextSteps.${step}`), `${lang}: nextSteps.${step}`);
      for (const outcome of VISIT_OUTCOMES) assert.ok(flat.get(`outcomes.${outcome}`), `${lang}: outcomes.${outcome}`);
    }
  });
});

describe('supportedLanguage', () => {
  it('maps a language tag to one the widgets speak', () => {
    assert.equal(supportedLanguage('cy-GB'), 'cy');
    assert.equal(supportedLanguage('cy'), 'cy');
    assert.equal(supportedLanguage('CY_gb'), 'cy');
    assert.equal(supportedLanguage(' en-US '), 'en');
  });

  it('falls back to English', () => {
    assert.equal(supportedLanguage('fr'), 'en');
    assert.equal(supportedLanguage('gd-GB'), 'en');
    assert.equal(supportedLanguage(''), 'en');
    assert.equal(supportedLanguage(null), 'en');
    assert.equal(supportedLanguage(undefined), 'en');
  });
});

describe('createLocalizer', () => {
  let welshFetches = 0;
  const catalogue = {
    en: feedbackMessages,
    cy: async () => {
      welshFetches += 1;
      return feedbackMessagesCy;
    },
  };
  /** A localizer with Welsh already fetched, as an element has it once shown in Welsh. */
  const welshReady = async () => {
    const localizer = createLocalizer(catalogue, 'feedback');
    await localizer.load('cy');
    return localizer;
  };

  before(async () => {
    // The host page's own i18next, as a site might have it.
    await i18next.init({ lng: 'fr', resources: { fr: { translation: { greeting: 'Bonjour' } } }, initAsync: false });
  });

  after(async () => {
    await i18next.changeLanguage('fr');
  });

  it('fetches Welsh only when asked, once, and gives English until then', async () => {
    welshFetches = 0;
    const localizer = createLocalizer(catalogue, 'feedback');
    assert.equal(welshFetches, 0);
    assert.equal(localizer.loaded('cy'), false);
    assert.equal(localizer.t('cy')('submit'), 'Send feedback');
    await Promise.all([localizer.load('cy'), localizer.load('cy')]);
    await localizer.load('cy');
    assert.equal(welshFetches, 1);
    assert.equal(localizer.loaded('cy'), true);
    assert.equal(localizer.t('cy')('submit'), 'Anfon adborth');
    assert.equal(localizer.t('cy')('tryAgain'), commonCy.tryAgain);
  });

  it('uses a site’s own words over the catalogue, form by form for a count, filling their values, and knows which keys are strings', async () => {
    const strings = { en: { heading: 'Hubs', places_one: '{{count}} place', places_other: '{{count}} places' }, cy: async () => ({ heading: 'Hybiau' }) };
    const localizer = createLocalizer(strings, 'test');
    await localizer.load('cy');
    const t = localizer.t('en', { heading: 'Talking points', places_one: 'Only {{count}} seat left' });
    assert.equal(t('heading'), 'Talking points');
    assert.equal(t('places', { count: 1 }), 'Only 1 seat left');
    assert.equal(t('places', { count: 3 }), '3 places', 'a form not overridden is the catalogue’s');
    assert.equal(localizer.t('cy', { heading: 'Mannau siarad' })('heading'), 'Mannau siarad');
    assert.equal(localizer.t('cy')('heading'), 'Hybiau', 'nothing kept from another call');
    assert.equal(localizer.knows('heading'), true);
    assert.equal(localizer.knows('places_one'), true);
    assert.equal(localizer.knows('tryAgain'), true, 'a shared string');
    assert.equal(localizer.knows('headng'), false);
  });

  it('writes a count given to a string as {{n}} the way the language writes numbers, unless the caller gave n', async () => {
    const strings = { en: { matches_one: '{{n}} resource matches', matches_other: '{{n}} resources match' }, cy: async () => ({ matches_one: '{{n}} adnodd yn cyfateb', matches_other: '{{n}} adnodd yn cyfateb' }) };
    const localizer = createLocalizer(strings, 'counted');
    await localizer.load('cy');
    assert.equal(localizer.t('en')('matches', { count: 1234 }), '1,234 resources match');
    assert.equal(localizer.t('en')('matches', { count: 1 }), '1 resource matches');
    assert.equal(localizer.t('cy')('matches', { count: 5000 }), '5,000 adnodd yn cyfateb');
    assert.equal(localizer.t('en')('matches', { count: 2, n: 'two' }), 'two resources match');
  });

  it('keeps English when Welsh cannot be fetched, and tries again next time', async () => {
    let attempts = 0;
    const localizer = createLocalizer(
      {
        en: feedbackMessages,
        cy: async () => {
          attempts += 1;
          if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
          return feedbackMessagesCy;
        },
      },
      'feedback',
    );
    await localizer.load('cy');
    assert.equal(localizer.loaded('cy'), false);
    assert.equal(localizer.t('cy')('submit'), 'Send feedback');
    await localizer.load('cy');
    assert.equal(localizer.t('cy')('submit'), 'Anfon adborth');
  });

  it('gives Welsh and English from the same instance', async () => {
    const localizer = await welshReady();
    const cy = localizer.t('cy');
    const en = localizer.t('en');
    assert.equal(cy('submit'), 'Anfon adborth');
    assert.equal(en('submit'), 'Send feedback');
    // And again, in the other order: asking for one does not switch the other.
    assert.equal(en('heading'), 'Give feedback');
    assert.equal(cy('heading'), 'Rhoi adborth');
  });

  it('falls back to the common namespace for shared strings', async () => {
    const localizer = await welshReady();
    assert.equal(localizer.t('cy')('tryAgain'), commonCy.tryAgain);
    assert.equal(localizer.t('en')('errors.network'), (commonEn.errors as Messages).network);
  });

  it('finds a key that itself holds a dot, as a field name such as contact.method does, nested or not', () => {
    const localizer = createLocalizer({ en: { errors: { 'contact.method': { required: 'Select how we should contact you' }, contact: { email: { required: 'Enter an email address' } } } }, cy: async () => ({}) }, 'dotted');
    assert.equal(localizer.t('en')('errors.contact.method.required'), 'Select how we should contact you');
    assert.equal(localizer.t('en')('errors.contact.email.required'), 'Enter an email address');
    assert.equal(localizer.has('errors.contact.method.required', 'en'), true);
    assert.equal(localizer.has('errors.contact.phone.required', 'en'), false);
  });

  it('interpolates without HTML-escaping (Lit escapes when rendering)', () => {
    const localizer = createLocalizer(catalogue, 'feedback');
    assert.equal(localizer.t('en')('errors.comment.too-long', { max: '1,000' }), 'Comments must be 1,000 characters or fewer');
  });

  it('picks the Welsh plural form by count', async () => {
    const localizer = await welshReady();
    const cy = localizer.t('cy');
    const en = localizer.t('en');
    assert.equal(en('characterCount.remaining', { count: 1, n: '1' }), 'You have 1 character remaining');
    assert.equal(en('characterCount.remaining', { count: 2, n: '2' }), 'You have 2 characters remaining');
    for (const count of [0, 1, 2, 3, 6, 10]) {
      const text = cy('characterCount.remaining', { count, n: String(count) });
      assert.equal(text, `Mae gennych ${count} nod ar ôl`, `count ${count}`);
    }
  });

  it('leaves the host page’s global i18next alone', async () => {
    const localizer = await welshReady();
    assert.equal(localizer.t('cy')('submit'), 'Anfon adborth');

    assert.equal(i18next.language, 'fr');
    assert.equal(i18next.t('greeting'), 'Bonjour');
    assert.equal(i18next.hasResourceBundle('cy', 'feedback'), false);
    assert.equal(i18next.hasResourceBundle('en', 'common'), false);
    assert.equal(i18next.t('submit', { ns: 'feedback', lng: 'cy' }), 'submit');
  });

  it('is not affected when the host page changes its own i18next', async () => {
    const localizer = createLocalizer(catalogue, 'feedback');
    await i18next.changeLanguage('cy');
    i18next.addResourceBundle('en', 'feedback', { submit: 'Hijacked' });
    assert.equal(localizer.t('en')('submit'), 'Send feedback');
    assert.equal(localizer.t('en')('tryAgain'), commonEn.tryAgain);
  });

  it('gives each call its own instance', async () => {
    const first = createLocalizer(catalogue, 'feedback');
    const second = createLocalizer(catalogue, 'feedback');
    await first.load('cy');
    assert.equal(second.loaded('cy'), false);
  });
});

describe('formatDate and formatNumber', () => {
  let savedTz: string | undefined;
  before(() => {
    savedTz = process.env.TZ;
  });
  after(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  // 23:30 UTC on 30 June is 00:30 on 1 July in London (British Summer Time).
  const lateJune = new Date('2026-06-30T23:30:00Z');

  for (const tz of ['America/Los_Angeles', 'UTC', 'Pacific/Kiritimati', 'Europe/London']) {
    it(`shows the date in UK time when the device is in ${tz}`, () => {
      process.env.TZ = tz;
      assert.equal(formatDate('en', lateJune), '1 July 2026');
      assert.equal(formatDate('cy', lateJune), '1 Gorffennaf 2026');
      assert.equal(formatTime('en', lateJune), '00:30');
      assert.equal(formatDay('cy', lateJune), 'Dydd Mercher 1 Gorffennaf');
      assert.equal(formatDay('en', lateJune), 'Wednesday 1 July');
    });
  }

  it('shows winter dates in GMT', () => {
    process.env.TZ = 'Asia/Tokyo';
    // 23:30 UTC on 31 December is still 31 December in London.
    assert.equal(formatDate('en', new Date('2026-12-31T23:30:00Z')), '31 December 2026');
  });

  it('writes distances with the unit in the resident\'s language', () => {
    assert.equal(formatDistance('en', 1609.344, 'miles'), '1 mile');
    assert.equal(formatDistance('en', 1931, 'miles'), '1.2 miles');
    assert.equal(formatDistance('cy', 1931, 'miles'), '1.2 milltir');
    assert.equal(formatDistance('cy', 27_000, 'km'), '27 km');
    assert.equal(formatDistance('en', 80, 'miles'), 'under 0.1 miles', 'not "0 miles"');
    assert.equal(formatDistance('cy', 0, 'miles'), 'llai na 0.1 milltir');
    assert.equal(formatDistance('en', 50, 'km'), 'under 0.1 km');
  });

  it('formats numbers the British way', () => {
    assert.equal(formatNumber('en', 1000), '1,000');
    assert.equal(formatNumber('cy', 1000), '1,000');
  });
});
