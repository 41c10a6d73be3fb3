import type { Hono } from 'hono';
import type { Hub } from '../../src/contract/directory.ts';
import type { Language } from '../../src/contract/language.ts';
import { hubText } from '../../src/core/hubs.ts';
import { sessionKind } from '../../src/core/hub-finder.ts';
import { expandSessions } from '../../src/core/sessions.ts';
import { formatDay, formatTime } from '../../src/i18n/format.ts';
import type { DirectoryCache } from '../directory-cache.ts';
import { PAGE_CSP } from '../http/security.ts';

/*
 * The hubs as a plain page, for a site (or a browser) that runs no scripts:
 * every hub with its address, phone, access and sessions of the next two
 * weeks, in English or Welsh (`?lang=cy`), made on the server. The
 * elements' <noscript> fallback links here and to the ORUK feed.
 */

const DAY = 86_400_000;
const DAYS_SHOWN = 14;

const WORDS = {
  en: {
    title: 'Community hubs',
    intro: 'Come and talk to us at a community hub about what matters to you. There is no form to fill in first.',
    phone: 'Phone',
    sessions: 'Sessions in the next two weeks',
    none: 'No sessions in the next two weeks: phone the hub to find out more.',
    dropIn: 'drop in',
    bookable: 'book by phone',
    to: 'to',
    feed: 'The same directory as open data (Open Referral UK)',
    other: 'Cymraeg',
    kinds: { 'talking-point': 'Talking point conversation', 'carers-clinic': 'Carers’ clinic', 'peer-support': 'Peer support group', 'support-planning': 'Support planning workshop' },
  },
  cy: {
    title: 'Hybiau cymunedol',
    intro: 'Dewch i siarad â ni mewn hyb cymunedol am yr hyn sy’n bwysig i chi. Does dim ffurflen i’w llenwi yn gyntaf.',
    phone: 'Ffôn',
    sessions: 'Sesiynau yn ystod y pythefnos nesaf',
    none: 'Dim sesiynau yn ystod y pythefnos nesaf: ffoniwch yr hyb i gael gwybod mwy.',
    dropIn: 'galw heibio',
    bookable: 'trefnu dros y ffôn',
    to: 'i',
    feed: 'Yr un cyfeiriadur fel data agored (Open Referral UK)',
    other: 'English',
    kinds: { 'talking-point': 'Sgwrs man siarad', 'carers-clinic': 'Clinig gofalwyr', 'peer-support': 'Grŵp cymorth cymheiriaid', 'support-planning': 'Gweithdy cynllunio cymorth' },
  },
} as const;

/** Text as text in HTML: the directory may hold anything. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function hubSection(hub: Hub, lang: Language, from: Date): string {
  const words = WORDS[lang];
  const { name, description } = hubText(hub, lang);
  const address = [hub.address.line1, hub.address.city, hub.address.postcode].filter(Boolean).join(', ');
  const sessions = expandSessions([hub], from, new Date(from.getTime() + DAYS_SHOWN * DAY));
  const phone = hub.phone ? `<p>${words.phone}: <a href="tel:${escape(hub.phone.replace(/[^\d+]/g, ''))}">${escape(hub.phone)}</a></p>` : '';
  const list = sessions.length
    ? `<ul>${sessions
        .map((session) => {
          const start = new Date(session.start);
          const when = `${formatDay(lang, start)}, ${formatTime(lang, start)} ${words.to} ${formatTime(lang, new Date(session.end))}`;
          return `<li>${escape(when)}: ${escape(words.kinds[sessionKind(session)])} (${session.mode === 'bookable' ? words.bookable : words.dropIn})</li>`;
        })
        .join('')}</ul>`
    : `<p>${words.none}</p>`;
  return `<section><h2>${escape(name)}</h2>${description ? `<p>${escape(description)}</p>` : ''}<p>${escape(address)}</p>${phone}<h3>${words.sessions}</h3>${list}</section>`;
}

export function mountHubListPage(app: Hono, directory: DirectoryCache, now: () => Date): void {
  app.get('/hubs', async (c) => {
    const lang: Language = c.req.query('lang') === 'cy' ? 'cy' : 'en';
    const words = WORDS[lang];
    const { hubs } = await directory.get();
    const sorted = [...hubs].sort((a, b) => hubText(a, lang).name.localeCompare(hubText(b, lang).name, lang === 'cy' ? 'cy' : 'en-GB'));
    const from = now();
    const page = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${words.title}</title><link rel="icon" href="data:,"></head>
<body>
<main>
<p><a href="/hubs?lang=${lang === 'cy' ? 'en' : 'cy'}" lang="${lang === 'cy' ? 'en' : 'cy'}">${words.other}</a></p>
<h1>${words.title}</h1>
<p>${words.intro}</p>
${sorted.map((hub) => hubSection(hub, lang, from)).join('\n')}
<p><a href="/oruk/services">${words.feed}</a></p>
</main>
</body>
</html>
`;
    return c.html(page, 200, { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'public, max-age=300' });
  });
}
