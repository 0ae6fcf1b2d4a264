import { randomBytes } from 'node:crypto';

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then a 12-bit counter
 * (RFC 9562 6.2 method 1) and 62 random bits. Ids made by one process compare in the order they
 * were made, as text and as PostgreSQL `uuid` values, even within one millisecond: rows inserted
 * in one transaction (same `created_at`) then list in the order they were written.
 */
let lastMs = 0;
let counter = 0;
const COUNTER_MAX = 0xfff;

export function uuidV7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (counter < COUNTER_MAX) {
    counter++;
  } else {
    // 4096 ids in one millisecond (or a clock stepped back): borrow the next millisecond.
    lastMs++;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
