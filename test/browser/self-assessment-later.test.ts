import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/self-assessment/define.ts';
import type { Answers, QuestionnaireDefinition } from '../../src/contract/questionnaire.ts';
import { expectAccessible } from './support.ts';

/*
 * The pages after the questions come in a chunk of their own (#18: the
 * element's first chunk within 15 kB). This file runs alone in its page, so
 * nothing has fetched that chunk before: offline from the start, a person
 * answers every question, is told plainly when the result cannot be shown
 * yet, keeps every answer, and sees the result with "Try again" once back
 * online.
 */

type El = HTMLElement & { updateComplete: Promise<boolean>; answers: Answers };

// As a charity writes one (the element parses it with the contract, which fills in the defaults).
const definition = {
  id: 'quick-check',
  version: 1,
  title: { en: 'Our quick check', cy: 'Ein gwiriad cyflym' },
  intro: [{ en: 'One question.', cy: 'Un cwestiwn.' }],
  minutes: 1,
  consent: { en: 'We keep it for a year.', cy: 'Rydym yn ei gadw am flwyddyn.' },
  questions: [
    {
      id: 'walks',
      type: 'single',
      title: { en: 'Do you like walking?', cy: 'Ydych chi’n hoffi cerdded?' },
      options: [
        { value: 'yes', label: { en: 'Yes', cy: 'Ydw' } },
        { value: 'no', label: { en: 'No', cy: 'Nac ydw' } },
      ],
    },
  ],
  outcomes: { areas: [], nextSteps: [{ step: 'self-serve', title: { en: 'Join a walk', cy: 'Ymuno â thaith gerdded' }, body: { en: 'Walks every week.', cy: 'Teithiau bob wythnos.' } }] },
} as unknown as QuestionnaireDefinition;

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const buttonNamed = (el: El, name: string) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>('button') ?? [])].find((button) => squash(button.textContent) === name);

async function press(el: El, name: string): Promise<void> {
  const button = buttonNamed(el, name);
  expect(button, `a "${name}" button`).not.to.equal(undefined);
  button?.click();
  await el.updateComplete;
}

describe('<cls-self-assessment> when the pages after the questions cannot be fetched', () => {
  it('keeps the answers, says so, and shows the result with "Try again" once online', async () => {
    // Other test files' pages may have fetched the chunk into the browser's cache, which answers offline.
    await executeServerCommand('no-http-cache');
    const el = await fixture<El>(html`<cls-self-assessment lang="en" api-base="/faults/nowhere/api/v1" .definition=${definition}></cls-self-assessment>`);
    await waitUntil(() => el.shadowRoot?.querySelector('#start-heading'), 'the start page');
    // Offline before the questions begin, when the element would start fetching the later pages.
    // The runner's own link to the page is cut while offline, so the page starts the moment it goes offline.
    const wentOffline = new Promise((resolve) => window.addEventListener('offline', resolve, { once: true }));
    const back = new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
    const command = executeServerCommand('go-offline', { ms: 3000 });
    await wentOffline;
    await press(el, 'Start now');
    el.shadowRoot?.querySelector<HTMLInputElement>('#answer-0')?.click();
    await el.updateComplete;
    await press(el, 'Continue');
    expect(squash(el.shadowRoot?.querySelector('#check-heading')?.textContent)).to.contain('Check your answers');
    await press(el, 'Continue');
    await waitUntil(() => squash(el.shadowRoot?.textContent).includes('We could not load the next page.'), 'told the result cannot be shown yet', { timeout: 5000 });
    expect(el.answers, 'every answer kept').to.deep.equal({ walks: 'yes' });
    await back;
    await command;
    await expectAccessible(el);

    await press(el, 'Try again');
    await waitUntil(() => el.shadowRoot?.querySelector('#result-heading'), 'the result, once online', { timeout: 5000 });
    expect(squash(el.shadowRoot?.textContent)).to.contain('Join a walk');
    expect(el.answers).to.deep.equal({ walks: 'yes' });
    await expectAccessible(el);
  });
});
