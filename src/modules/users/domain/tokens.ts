import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../../shared/canonical-json.js';

/**
 * API tokens are 256 random bits. Only their SHA-256 is stored: with that much entropy a fast hash
 * is enough (a slow password hash would only slow every request down).
 */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = `lims_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: tokenPrefix(token) };
}

export const hashToken = (token: string): string => sha256Hex(token);

/** The part of a token that may be shown again to tell tokens apart. */
export const tokenPrefix = (token: string): string => token.slice(0, 10);

/** Reads a bearer token from an Authorization header value. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
