/**
 * Public verification of issued documents, without login: by number (what the QR code on every page
 * points to) or by the PDF's bytes. Nothing confidential: no customer, no values.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import * as repo from './certificates.repository.js';
import type { DocumentRow } from './certificates.repository.js';

const status = (d: DocumentRow) => (d.state === 'issued' ? 'valid' : d.state) as 'valid' | 'superseded' | 'revoked';

/** The status of the document numbered `number`: 404 for a number never issued. */
export async function verifyNumber(db: Db, number: string, laboratory: string) {
  const d = await repo.findByNumber(db, number);
  if (!d || d.state === 'draft') throw notFound('Issued document', number);
  const [files, by] = await Promise.all([repo.filesOf(db, [d.id]), d.supersededById ? repo.findDocument(db, undefined, d.supersededById) : null]);
  return {
    number: d.number!,
    type: d.type,
    status: status(d),
    issuedOn: todayInFinland(d.issuedAt!),
    laboratory,
    files: files.filter((f) => f.kind === 'pdf').map((f) => ({ language: f.language, sha256: f.sha256 })),
    ...(by?.number ? { supersededBy: by.number } : {}),
    ...(d.revokedAt ? { revokedOn: todayInFinland(d.revokedAt) } : {}),
  };
}

/** Whether `pdf` is, byte for byte, an issued document's file. */
export async function verifyBytes(db: Db, pdf: Buffer) {
  const found = await repo.findFileBySha256(db, createHash('sha256').update(pdf).digest('hex'));
  if (!found || found.file.kind !== 'pdf' || found.document.state === 'draft') return { match: false as const };
  return { match: true as const, number: found.document.number!, language: found.file.language, status: status(found.document) };
}

/**
 * A fixed-window limit per client address and minute, per instance (verification is cheap and
 * public; the limit keeps it from being used to probe numbers in bulk).
 */
export class RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();
  constructor(private readonly perMinute: number) {}
  /** True when the client may go on; counts the request. */
  take(client: string, now = Date.now()): boolean {
    const window = Math.floor(now / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const count = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, count);
    return count <= this.perMinute;
  }
}
