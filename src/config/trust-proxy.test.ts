import { ConfigError, loadConfig } from './config.js';
import { parseTrustProxy } from './trust-proxy.js';

describe('TRUST_PROXY', () => {
  test('unset or false: the connecting address is the client', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
  });

  test('a hop count trusts that many proxies, as Fastify does with a number', () => {
    const trust = parseTrustProxy('2') as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false]);
  });

  test('addresses, CIDR ranges and range names, comma-separated', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback']);
  });

  test.each(['yes', '10.0.0.0/33', '10.0.0.300', 'proxy.example.fi', '10.0.0.1,', '::1/129'])('%p stops the service with one line naming TRUST_PROXY', (value) => {
    let error: unknown;
    try {
      loadConfig({ TRUST_PROXY: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('TRUST_PROXY');
    expect((error as ConfigError).message).toMatch(/TRUST_PROXY must be false, true, a number of proxy hops, or comma-separated/);
    expect((error as ConfigError).message).not.toContain('\n');
  });
});
