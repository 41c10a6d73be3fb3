// The host page's own language switch (Welsh Language Standards: a direct
// switch). Widgets follow <html lang> without a reload and keep their answers.
const buttons = document.querySelectorAll('.language-switch button');

function setLanguage(lang) {
  document.documentElement.lang = lang;
  for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  for (const node of document.querySelectorAll('[data-en]')) node.textContent = node.dataset[lang] ?? node.dataset.en;
  for (const node of document.querySelectorAll('[data-en-label]')) node.setAttribute('aria-label', node.dataset[`${lang}Label`] ?? node.dataset.enLabel);
  try {
    localStorage.setItem('demo-lang', lang);
  } catch {
    // Storage may be blocked; the switch still works for this page view.
  }
}

for (const button of buttons) button.addEventListener('click', () => setLanguage(button.dataset.lang));
const params = new URLSearchParams(location.search);
function savedLanguage() {
  try {
    return localStorage.getItem('demo-lang');
  } catch {
    return null;
  }
}
const initial = params.get('lang') ?? savedLanguage();
if (initial === 'cy' || initial === 'en') setLanguage(initial);

document.addEventListener('cls-feedback-submit', (event) => {
  console.info('cls-feedback-submit', event.detail);
});

// The kiosk demo has no staff pager to call, so it leaves cls-staff-help uncancelled:
// the kiosk then asks the person to go to the desk rather than promising help.
document.addEventListener('cls-staff-help', () => console.info('cls-staff-help'));

// The self-assessment demo page runs either questionnaire: ?q=looking-after-someone.
const assessment = document.querySelector('cls-self-assessment');
const wanted = params.get('q');
if (assessment && (wanted === 'what-matters' || wanted === 'looking-after-someone')) assessment.setAttribute('questionnaire', wanted);

// Development only: the staff pages open signed in with the token this `npm start` made
// (the server gives it only to a browser on the same machine, and never in production).
const staffElements = document.querySelectorAll('cls-hub-day:not([kiosk]), cls-impact');
if (staffElements.length) {
  let signedIn;
  try {
    signedIn = Boolean(sessionStorage.getItem('cls-staff-token'));
  } catch {
    // No session storage: nowhere to keep the token.
    signedIn = true;
  }
  if (!signedIn) {
    fetch('/demo-staff-token.json', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : {}))
      .then(({ token }) => {
        if (typeof token !== 'string') return;
        sessionStorage.setItem('cls-staff-token', token);
        // Elements read the kept token when they start: start them again.
        for (const element of staffElements) element.replaceWith(element.cloneNode(true));
      })
      .catch(() => undefined);
  }
}
