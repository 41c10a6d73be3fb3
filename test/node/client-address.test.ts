import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddress, parseAddressRange, parseTrustedProxies, type TrustedProxies } from '../../server/http/client-address.ts';

const trusted = (value: string): TrustedProxies => {
  const parsed = parseTrustedProxies(value);
  assert.notEqual(typeof parsed, 'string', `TRUST_PROXY=${value}: ${String(parsed)}`);
  return parsed as TrustedProxies;
};

describe('clientAddress (which address a rate limit counts)', () => {
  it('uses the connection when no proxy is trusted, whatever X-Forwarded-For says', () => {
    assert.equal(clientAddress('198.51.100.7', '203.0.113.9', trusted('false')), '203.0.113.9');
    assert.equal(clientAddress(undefined, '::ffff:203.0.113.9', trusted('0')), '203.0.113.9');
  });

  it('counts trusted hops from the right, so a client cannot choose its own address', () => {
    // The client wrote "1.2.3.4"; our load balancer appended the real address it saw.
    assert.equal(clientAddress('1.2.3.4, 198.51.100.7', '10.0.0.2', trusted('1')), '198.51.100.7');
    assert.equal(clientAddress('1.2.3.4, 198.51.100.7, 10.0.0.5', '10.0.0.2', trusted('2')), '198.51.100.7');
    // "true" is one hop, not "believe the leftmost".
    assert.equal(clientAddress('1.2.3.4, 198.51.100.7', '10.0.0.2', trusted('true')), '198.51.100.7');
    // A header shorter than the hops: the furthest address we have.
    assert.equal(clientAddress('198.51.100.7', '10.0.0.2', trusted('3')), '198.51.100.7');
  });

  it('walks past the listed proxies from the right and stops at the first address not in the list', () => {
    const proxies = trusted('10.0.0.0/8, 2001:db8::/32, 192.0.2.1');
    assert.equal(clientAddress('1.2.3.4, 198.51.100.7, 10.1.2.3', '10.0.0.2', proxies), '198.51.100.7');
    assert.equal(clientAddress('1.2.3.4, 2001:db8::1', '192.0.2.1', proxies), '1.2.3.4');
    // Not from a listed proxy at all: the header is ignored.
    assert.equal(clientAddress('1.2.3.4', '203.0.113.9', proxies), '203.0.113.9');
    // Every address a proxy: the leftmost is all that is left.
    assert.equal(clientAddress('10.9.9.9', '10.0.0.2', proxies), '10.9.9.9');
  });

  it('reads IPv4, IPv6, IPv4-mapped and embedded forms', () => {
    const range = parseAddressRange('::ffff:10.0.0.0/104');
    assert.ok(range);
    assert.equal(clientAddress('198.51.100.7', '::ffff:10.2.3.4', { kind: 'proxies', ranges: [range] }), '198.51.100.7');
    assert.equal(clientAddress('198.51.100.7', '[2001:db8:0:0::9]', trusted('2001:db8::/64')), '198.51.100.7');
    assert.equal(clientAddress('198.51.100.7', '2001:db9::9', trusted('2001:db8::/64')), '2001:db9::9');
  });

  it('refuses values that are not hops, addresses or ranges', () => {
    for (const value of ['yes', '10.0.0.0/33', '2001:db8::/129', 'proxy.example', '11']) {
      assert.equal(typeof parseTrustedProxies(value), 'string', value);
    }
  });
});
