/**
 * Issuing, amending and revoking documents (ISO/IEC 17025 7.8.8), each with an electronic signature
 * after re-authentication, and the job moved to `reported` once its documents cover every item.
 */
import { createHash } from 'node:crypto';
import { nextNumber } from '../../db/counters.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { DomainError } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import { isAuthorized } from '../competence/index.js';
import { reportJob, type getJob } from '../jobs/index.js';
import { reauthenticate } from '../users/index.js';
import * as repo from './certificates.repository.js';
import { loadDocument, present, type CertificatesSettings } from './certificates.service.js';
import { documentModel } from './document-facts.js';
import { buildDcc } from './domain/dcc.js';
import { checkIssuable, checkIssued, counterKind, documentNumber } from './domain/document-lifecycle.js';
import type { DocumentModel } from './domain/document-model.js';
import type { SignatureRecord } from './domain/signature.js';
import type { Render } from './render-pool.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
export const SOFTWARE = { name: 'KTK LIMS', version: '0.1.0' };

interface RenderedFile {
  kind: 'pdf' | 'dcc';
  language: string;
  original: boolean;
  mediaType: string;
  content: Buffer;
  sha256: string;
}

/**
 * Renders every file of an issued document: the Finnish original first (the companions state its
 * SHA-256), then the companions side by side, each with the DCC attached to a calibration certificate.
 */
export async function renderFiles(render: Render, model: DocumentModel, verifyUrl: string, createdAt: Date): Promise<RenderedFile[]> {
  const dcc = model.type === 'calibration_certificate' ? Buffer.from(buildDcc(model, SOFTWARE), 'utf8') : null;
  const original = await render(model, 'fi', { draft: false, verifyUrl, originalSha256: null, dcc, createdAt });
  const files: RenderedFile[] = [{ kind: 'pdf', language: 'fi', original: true, mediaType: 'application/pdf', content: original, sha256: sha256(original) }];
  const companions = model.languages.filter((l) => l !== 'fi');
  const rendered = await Promise.all(companions.map((language) => render(model, language, { draft: false, verifyUrl, originalSha256: files[0]!.sha256, dcc, createdAt })));
  companions.forEach((language, i) => files.push({ kind: 'pdf', language, original: false, mediaType: 'application/pdf', content: rendered[i]!, sha256: sha256(rendered[i]!) }));
  if (dcc) files.push({ kind: 'dcc', language: 'fi', original: true, mediaType: 'application/xml', content: dcc, sha256: sha256(dcc) });
  return files;
}

/** The signer must hold an authorization to issue, that day, for every method version of the document's results. */
async function requireIssueAuthorizations(db: Db, signerId: string, methods: ReadonlyMap<string, { code: string }>, day: string) {
  const missing: string[] = [];
  for (const id of methods.keys()) {
    if (!(await isAuthorized(db, signerId, id, 'issue', day)).authorized) missing.push(methods.get(id)?.code ?? id);
  }
  if (missing.length > 0) {
    throw new DomainError('LIMS_SIGNATURE_NOT_AUTHORIZED', `The signer holds no authorization to issue documents for ${missing.join(', ')} on ${day}.`, { methods: missing });
  }
}

export interface IssueInput {
  password: string;
  meaning: string;
}

/**
 * Issues a draft: the signer (a quality manager) re-authenticates with their password and must be
 * authorized to issue for every method in the document; the number is taken from the type's yearly
 * series in the same transaction (gapless); the model is frozen, every language rendered and stored
 * with its SHA-256, and the signature bound to those hashes. An amendment supersedes the document it
 * replaces. When the job's issued documents cover all its items, the job moves to `reported`.
 */
export async function issueDocument(db: Db, actor: Actor, settings: CertificatesSettings, id: string, input: IssueInput, ip: string) {
  await loadDocument(db, actor, id);
  const signer = await reauthenticate(db, actor.userId, input.password, ip);
  return db.transaction(async (tx) => {
    const d = await loadDocument(tx, actor, id, true);
    checkIssuable(d.state, d.number);
    const now = new Date();
    const day = todayInFinland(now);
    const supersedes = d.supersedesId ? await repo.findDocument(tx, undefined, d.supersedesId, true) : null;
    if (supersedes && supersedes.state !== 'issued') checkIssued(supersedes.state, supersedes.number, 'amend');
    const frame = { type: d.type, jobId: d.jobId, itemIds: d.itemIds, languages: d.languages, supersedes: supersedes ? { number: supersedes.number!, reason: d.amendmentReason ?? '' } : null };
    const { model: draft, job, methods } = await documentModel(tx, actor, { ...frame, number: null, issuedOn: day, authorizedBy: null }, settings.accreditationNumber);
    await requireIssueAuthorizations(tx, signer.id, methods, day);
    const broken = draft.traceability.filter((t) => !t.terminatesAt);
    if (broken.length > 0) {
      throw new DomainError('LIMS_DOCUMENT_TRACEABILITY_INCOMPLETE', `The calibration chain of ${broken.map((t) => t.equipmentCode).join(', ')} as of the measurement day does not reach an NMI or accredited laboratory; complete the equipment's calibration records first.`);
    }
    const year = Number(day.slice(0, 4));
    const number = documentNumber(d.type, year, await nextNumber(tx, counterKind(d.type), year));
    const model: DocumentModel = { ...draft, number, authorizedBy: { name: signer.displayName, function: signer.role } };
    const files = await renderFiles(settings.render, model, `${settings.publicBaseUrl}/verify/${number}`, now);
    const signature: SignatureRecord = {
      signerId: signer.id,
      name: signer.displayName,
      function: signer.role,
      signedAt: now.toISOString(),
      meaning: input.meaning,
      authentication: 'password',
      files: files.map((f) => ({ kind: f.kind, language: f.language, sha256: f.sha256 })),
    };
    await repo.insertFiles(
      tx,
      files.map((f) => ({ documentId: d.id, kind: f.kind, language: f.language, original: f.original, mediaType: f.mediaType, sha256: f.sha256, size: f.content.length, content: f.content })),
    );
    const issued = await repo.updateDocument(tx, d.id, { state: 'issued', number, model, issuedAt: now, issuedBy: signer.id, signature });
    await recordAudit(tx, actor, { action: 'document.issue', entityType: 'document', entityId: d.id, before: { state: d.state }, after: { state: 'issued', number, signature }, reason: input.meaning });
    if (supersedes) {
      await repo.updateDocument(tx, supersedes.id, { state: 'superseded', supersededById: d.id });
      await recordAudit(tx, actor, { action: 'document.supersede', entityType: 'document', entityId: supersedes.id, before: { state: 'issued' }, after: { state: 'superseded', supersededBy: number }, reason: d.amendmentReason });
    }
    await reportWhenCovered(tx, actor, job);
    return present(tx, issued);
  });
}

/** Moves the job under review to `reported` when its issued documents cover every item. */
async function reportWhenCovered(tx: Db, actor: Actor, job: Awaited<ReturnType<typeof getJob>>) {
  if (job.status !== 'results_under_review') return;
  const covered = new Set((await repo.documentsOfJob(tx, job.id)).filter((x) => x.state === 'issued').flatMap((x) => x.itemIds));
  if (job.items.every((i) => covered.has(i.id))) await reportJob(tx, actor, job.id);
}

/** A new draft amending an issued document (7.8.8), with the reason; issuing it supersedes the old one. */
export async function amendDocument(db: Db, actor: Actor, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const d = await loadDocument(tx, actor, id, true);
    checkIssued(d.state, d.number, 'amend');
    const existing = await repo.findAmendment(tx, d.id);
    if (existing) {
      throw new DomainError('LIMS_DOCUMENT_AMENDMENT_EXISTS', `Document ${d.number} already has an amendment (${existing.number ?? `draft ${existing.id}`}); change or issue that one.`, { amendmentId: existing.id });
    }
    const row = await repo.insertDocument(tx, { jobId: d.jobId, companyId: d.companyId, type: d.type, languages: d.languages, itemIds: d.itemIds, supersedesId: d.id, amendmentReason: reason, createdBy: actor.userId });
    const view = await present(tx, row);
    await recordAudit(tx, actor, { action: 'document.amend', entityType: 'document', entityId: row.id, after: view, reason });
    return view;
  });
}

/** Revokes an issued document, signed with the password; it stays readable and verifiable as revoked. */
export async function revokeDocument(db: Db, actor: Actor, id: string, input: { reason: string; password: string }, ip: string) {
  await loadDocument(db, actor, id);
  const signer = await reauthenticate(db, actor.userId, input.password, ip);
  return db.transaction(async (tx) => {
    const d = await loadDocument(tx, actor, id, true);
    checkIssued(d.state, d.number, 'revoke');
    const revoked = await repo.updateDocument(tx, d.id, { state: 'revoked', revokedAt: new Date(), revokedBy: signer.id, revocationReason: input.reason });
    await recordAudit(tx, actor, { action: 'document.revoke', entityType: 'document', entityId: d.id, before: { state: d.state }, after: { state: 'revoked' }, reason: input.reason });
    return present(tx, revoked);
  });
}
