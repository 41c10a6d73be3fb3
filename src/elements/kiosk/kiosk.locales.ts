import type { Messages } from '../../i18n/localizer.ts';

export const kioskMessages: Messages = {
  controls: 'Help and finishing',
  help: 'Get help from staff',
  helpComing: 'Staff have been told you would like help. Someone will be with you soon.',
  helpAsk: 'Please ask a member of staff at the desk for help.',
  finish: 'Finish and clear the screen',
  cleared: 'The screen has been cleared for the next person.',
  // The warning before the screen is cleared (shared-ui/timeout-warning.ts).
  warning: {
    heading: 'Are you still there?',
    body: 'To protect your privacy, this screen will be cleared for the next person in {{time}}.',
    announce: 'This screen will be cleared in {{time}}.',
    continue: 'I’m still here',
    deleteNow: 'Clear the screen now',
  },
};
