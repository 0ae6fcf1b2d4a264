import { isIP } from 'node:net';

/**
 * Fastify's `trustProxy`: which proxies in front of the service are believed when they name the
 * client in X-Forwarded-For (and the protocol and host in X-Forwarded-Proto / -Host). The client's
 * address is what the login limits count, so behind a load balancer it must be set, and it must
 * never be `true` when clients can reach the service directly (they could claim any address).
 */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/** Names proxy-addr (Fastify's parser) accepts for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY: `false` (the default: the connecting address is the client), `true` (trust
 * every proxy: the left-most X-Forwarded-For address is the client), a hop count (trust that many
 * proxies from the service outwards), or a comma-separated list of proxy addresses, CIDR ranges or
 * the names loopback, linklocal, uniquelocal. Returns undefined when the value is none of these.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  const text = (value ?? 'false').trim().toLowerCase();
  if (text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d{1,2}$/.test(text)) {
    // What Fastify does with a number (its types leave numbers out): trust that many hops.
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrRange) ? entries : undefined;
}
