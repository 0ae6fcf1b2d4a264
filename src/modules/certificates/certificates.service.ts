/**
 * Certificates and reports: drafts made from a job's released results, read and listed (customers:
 * their own company's issued documents only), and previewed or downloaded as PDF.
 */
import type { Db } from '../../db/database.js';
import { companyScope, type Actor } from '../../shared/actor.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { getCompany } from '../companies/index.js';
import { getJob } from '../jobs/index.js';
import { releasedResultsOf } from '../results/index.js';
import * as repo from './certificates.repository.js';
import type { DocumentRow } from './certificates.repository.js';
import { documentModel } from './document-facts.js';
import { typeFits, type DocumentState } from './domain/document-lifecycle.js';
import type { DocumentType } from './domain/document-model.js';
import type { Render } from './render-pool.js';

export interface CertificatesSettings {
  accreditationNumber: string | null;
  publicBaseUrl: string;
  /** Renders a document in one language (in worker threads: RenderPool). */
  render: Render;
}

export interface DraftInput {
  type: DocumentType;
  companions?: string[];
  itemIds?: string[];
}

const COMPANIONS = ['en', 'sv', 'et'];

/** The API views of documents with their files (never their bytes), in three queries however many. */
export async function presentAll(db: Db, rows: readonly DocumentRow[]) {
  const ids = rows.map((d) => d.id);
  const linked = rows.flatMap((d) => [d.supersedesId, d.supersededById]).filter((x): x is string => x !== null);
  const [files, others] = await Promise.all([repo.filesOf(db, ids), repo.documentsByIds(db, linked)]);
  const byId = new Map(others.map((o) => [o.id, o]));
  return rows.map((d) => {
    const supersedes = d.supersedesId ? byId.get(d.supersedesId) : undefined;
    const supersededBy = d.supersededById ? byId.get(d.supersededById) : undefined;
    return {
      id: d.id,
      jobId: d.jobId,
      companyId: d.companyId,
      type: d.type,
      state: d.state,
      number: d.number,
      languages: d.languages,
      itemIds: d.itemIds,
      supersedes: supersedes ? { id: supersedes.id, number: supersedes.number!, reason: d.amendmentReason ?? '' } : null,
      supersededBy: supersededBy ? { id: supersededBy.id, number: supersededBy.number } : null,
      issuedAt: d.issuedAt,
      signature: d.signature,
      revokedAt: d.revokedAt,
      revocationReason: d.revocationReason,
      files: files
        .filter((f) => f.documentId === d.id)
        .map((f) => ({ kind: f.kind, language: f.language, original: f.original, mediaType: f.mediaType, sha256: f.sha256, size: f.size })),
      createdAt: d.createdAt,
    };
  });
}

/** The API view of one document. */
export const present = async (db: Db, d: DocumentRow) => (await presentAll(db, [d]))[0]!;

/** The items a document of `type` covers by default: the instruments of its service, or every item. */
function defaultItems(type: DocumentType, items: { id: string; instrument: { service: string } | null }[]): string[] {
  if (type === 'calibration_certificate') return items.filter((i) => i.instrument?.service !== 'inspection').map((i) => i.id);
  if (type === 'inspection_report') return items.filter((i) => i.instrument?.service === 'inspection').map((i) => i.id);
  return items.map((i) => i.id);
}

/**
 * A draft certificate or report of a job, from released results only: the items (default: all the
 * type covers) must all be released, else 409 naming those that are not. Languages: Finnish (the
 * original) and the companions asked for, by default the company's preferred language.
 */
export async function createDraft(db: Db, actor: Actor, jobId: string, input: DraftInput) {
  return db.transaction(async (tx) => {
    const job = await getJob(tx, actor, jobId);
    const company = await getCompany(tx, actor, job.companyId);
    const chosen = input.itemIds ? [...new Set(input.itemIds)] : defaultItems(input.type, job.items);
    const unknown = chosen.filter((id) => !job.items.some((i) => i.id === id));
    if (unknown.length > 0) throw new DomainError('LIMS_DOCUMENT_ITEMS_INVALID', `Job ${job.number} has no items ${unknown.join(', ')}.`, { itemIds: unknown });
    if (chosen.length === 0) throw new DomainError('LIMS_DOCUMENT_ITEMS_INVALID', `Job ${job.number} has no items a ${input.type.replaceAll('_', ' ')} covers.`);
    const items = job.items.filter((i) => chosen.includes(i.id));
    const misfit = typeFits(input.type, job.kind, items);
    if (misfit) throw new DomainError('LIMS_DOCUMENT_TYPE_MISMATCH', `Job ${job.number} (${job.kind.replaceAll('_', ' ')}): ${misfit}.`, { type: input.type, jobKind: job.kind });
    const released = new Set((await releasedResultsOf(tx, job.id)).releases.map((r) => r.itemId));
    const pending = items.filter((i) => !released.has(i.id));
    if (pending.length > 0) {
      throw new DomainError(
        'LIMS_DOCUMENT_ITEMS_NOT_RELEASED',
        `A document is made from released results only; not released yet: ${pending.map((i) => `item ${i.lineNo} (${i.description})`).join(', ')}.`,
        { items: pending.map((i) => ({ itemId: i.id, lineNo: i.lineNo, description: i.description })) },
      );
    }
    const asked = input.companions ?? (company.preferredLanguage === 'fi' ? [] : [company.preferredLanguage]);
    const wrong = asked.filter((l) => !COMPANIONS.includes(l));
    if (wrong.length > 0) throw new DomainError('LIMS_DOCUMENT_LANGUAGE_INVALID', `Companions are translations into ${COMPANIONS.join(', ')}; Finnish is always the original (not ${wrong.join(', ')}).`);
    const row = await repo.insertDocument(tx, {
      jobId: job.id,
      companyId: job.companyId,
      type: input.type,
      languages: ['fi', ...new Set(asked)],
      itemIds: items.map((i) => i.id),
      createdBy: actor.userId,
    });
    const view = await present(tx, row);
    await recordAudit(tx, actor, { action: 'document.create', entityType: 'document', entityId: row.id, after: view });
    return view;
  });
}

export async function loadDocument(db: Db, actor: Actor, id: string, forUpdate = false): Promise<DocumentRow> {
  const row = await repo.findDocument(db, companyScope(actor), id, forUpdate);
  if (!row) throw notFound('Document', id);
  return row;
}

export async function getDocument(db: Db, actor: Actor, id: string) {
  return present(db, await loadDocument(db, actor, id));
}

export interface ListQuery {
  jobId?: string;
  type?: DocumentType;
  state?: DocumentState;
  limit: number;
  cursor?: string;
}

const encodeCursor = (d: DocumentRow) => Buffer.from(`${d.createdAt.toISOString()}|${d.id}`).toString('base64url');
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const match = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const createdAt = match ? new Date(match[1]!) : undefined;
  // Only what encodeCursor writes: a real instant (year 0001 on, as the database keeps) printed back exactly.
  if (!match || !createdAt || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== match[1] || match[1] < '0001') {
    throw new DomainError('LIMS_VALIDATION_FAILED', 'The cursor is not valid; use the nextCursor value of the previous page.');
  }
  return { createdAt, id: match[2]! };
}

/** Documents newest first, in pages; customers see their own company's issued (and superseded, revoked) documents only. */
export async function listDocuments(db: Db, actor: Actor, q: ListQuery) {
  const rows = await repo.listDocuments(db, companyScope(actor), { jobId: q.jobId, type: q.type, state: q.state, ...(q.cursor ? { before: decodeCursor(q.cursor) } : {}) }, q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: await presentAll(db, page), nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null };
}

const fileName = (d: DocumentRow, language: string, extension: string) => `${d.number ?? `LUONNOS-${d.id.slice(0, 8)}`}${language === 'fi' ? '' : `-${language}`}.${extension}`;

/** A customer's download is recorded in the audit trail. */
async function auditDownload(db: Db, actor: Actor, d: DocumentRow, kind: string, language: string) {
  if (actor.role !== 'customer') return;
  await db.transaction((tx) => recordAudit(tx, actor, { action: 'document.download', entityType: 'document', entityId: d.id, after: { number: d.number, kind, language } }));
}

/**
 * The PDF in one language: a draft is rendered now, watermarked and unnumbered; an issued (or
 * superseded, revoked) document answers its stored bytes.
 */
export async function documentPdf(db: Db, actor: Actor, settings: CertificatesSettings, id: string, language = 'fi'): Promise<{ pdf: Buffer; fileName: string }> {
  const d = await loadDocument(db, actor, id);
  if (!d.languages.includes(language)) throw notFound(`Language version ${language} of document`, id);
  if (d.state === 'draft') {
    const supersedes = d.supersedesId ? await repo.findDocument(db, undefined, d.supersedesId) : null;
    const { model } = await documentModel(
      db,
      actor,
      { type: d.type, jobId: d.jobId, itemIds: d.itemIds, languages: d.languages, number: null, issuedOn: null, authorizedBy: null, supersedes: supersedes ? { number: supersedes.number!, reason: d.amendmentReason ?? '' } : null },
      settings.accreditationNumber,
    );
    const pdf = await settings.render(model, language, { draft: true, verifyUrl: null, originalSha256: null, dcc: null, createdAt: d.createdAt });
    return { pdf, fileName: fileName(d, language, 'pdf') };
  }
  const file = await repo.findFile(db, d.id, 'pdf', language);
  if (!file) throw notFound(`Language version ${language} of document`, id);
  await auditDownload(db, actor, d, 'pdf', language);
  return { pdf: file.content, fileName: fileName(d, language, 'pdf') };
}

/** The stored DCC (XML) of an issued calibration certificate. */
export async function documentDcc(db: Db, actor: Actor, id: string): Promise<{ xml: Buffer; fileName: string }> {
  const d = await loadDocument(db, actor, id);
  if (d.type !== 'calibration_certificate') throw new DomainError('LIMS_DOCUMENT_NO_DCC', `Document ${d.number ?? d.id} is a ${d.type.replaceAll('_', ' ')}; only calibration certificates have a DCC.`);
  if (d.state === 'draft') throw new DomainError('LIMS_DOCUMENT_NOT_ISSUED', 'A draft has no DCC yet: the DCC is made when the certificate is issued (its number is its identifier).');
  const file = await repo.findFile(db, d.id, 'dcc', 'fi');
  if (!file) throw notFound('DCC of document', id);
  await auditDownload(db, actor, d, 'dcc', 'fi');
  return { xml: file.content, fileName: fileName(d, 'fi', 'xml') };
}
