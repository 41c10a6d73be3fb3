import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contactDetailsIn } from '../support/server-process.ts';

/*
 * The check every end-to-end suite makes when it stops a server: a
 * resident's email address or phone number in the server's log fails it.
 */
describe('contact details in a server log', () => {
  it('finds the email addresses and phone numbers tests type, however written', () => {
    const log = 'notify: sent to ffion.1a2b@example.org\nbooking by 07700 900123 and +447700900456, again 07700900123\n';
    assert.deepEqual(contactDetailsIn(log), ['ffion.1a2b@example.org', '07700 900123', '+447700900456', '07700900123']);
  });

  it('passes a log of what the server does say: addresses, counts, a hub’s published number', () => {
    const log = 'community-led-widgets on http://localhost:8765/\n  seeded the directory: 291 services, 25 hubs\n  notify: message 12 not sent (HTTP 500); retrying in 30 s\n  hub phone 01632 960100\n';
    assert.deepEqual(contactDetailsIn(log), []);
  });
});
