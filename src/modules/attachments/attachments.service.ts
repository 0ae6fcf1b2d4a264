import type { Readable } from 'node:stream';
import type { Db } from '../../db/database.js';
import { companyScope, type Actor } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { requireActiveNda } from '../agreements/index.js';
import { recordAudit } from '../audit/index.js';
import { findJobContent, type JobContentLookup } from '../jobs/index.js';
import { presentJobAttachments, type AttachmentView } from './attachments.presenter.js';
import * as repo from './attachments.repository.js';
import type { BlobStore, StagedBlob } from './blob-store.js';
import { ACCEPTED_TYPES_TEXT, type AttachmentCategory } from './domain/attachment-kinds.js';
import { DELETERS, NDA_COVER, UPLOADERS, assertDeleteAllowed, assertUploadAllowed } from './domain/attachment-rules.js';
import { detectFileType } from './domain/file-type.js';

/** The upload form's fields (the file part aside). */
export interface UploadForm {
  category: AttachmentCategory;
  confidential: boolean;
  description?: string;
  supersedes?: string;
}

/** The file part of an upload, received into the blob store's staging area. */
export interface ReceivedFile {
  fileName: string;
  declaredMediaType: string | null;
  staged: StagedBlob;
}

type Job = JobContentLookup['job'];

async function visibleJob(db: Db, actor: Actor, jobId: string): Promise<Job> {
  const found = await findJobContent(db, companyScope(actor), jobId);
  if (!found) throw notFound('Job', jobId);
  return found.job;
}

async function visibleAttachment(db: Db, actor: Actor, id: string): Promise<repo.AttachmentRow> {
  const row = await repo.findAttachment(db, companyScope(actor), id);
  if (!row) throw notFound('Attachment', id);
  return row;
}

/** The NDA gate: a confidential file of a category needs an NDA in force covering that category. */
async function requireNdaFor(db: Db, companyId: string, category: AttachmentCategory, what: 'accept' | 'release'): Promise<void> {
  try {
    await requireActiveNda(db, companyId, { covering: NDA_COVER[category] });
  } catch (err) {
    if (!(err instanceof DomainError) || what === 'accept') throw err;
    throw new DomainError('LIMS_NDA_REQUIRED', `${err.message.replace(/;.*$/, '')}; confidential files are released to the company only under an NDA in force. Renew the agreement with its NDA, then download again.`, err.details);
  }
}

/**
 * Every check an upload must pass apart from its content: the job visible to the actor, its state
 * allowing the actor to add a file, a valid file to supersede, and the NDA for a confidential file.
 * Runs before the file is read (so a refused upload fails fast) and again in the upload's transaction.
 */
export async function checkUpload(db: Db, actor: Actor, jobId: string, form: UploadForm): Promise<Job> {
  if (!UPLOADERS.includes(actor.role)) throw forbidden(`A ${actor.role} may not add files to jobs.`);
  const job = await visibleJob(db, actor, jobId);
  assertUploadAllowed(actor.role, job, form.supersedes !== undefined);
  if (form.supersedes !== undefined) {
    const older = await repo.findAttachment(db, undefined, form.supersedes);
    if (!older || older.jobId !== jobId) {
      throw new DomainError('LIMS_ATTACHMENT_SUPERSEDES_INVALID', `Attachment ${form.supersedes} is not a file of job ${job.number}; supersedes names the older revision of a file of the same job.`, { supersedes: form.supersedes });
    }
    const newer = await repo.findSuccessor(db, older.id);
    if (newer) {
      throw new DomainError('LIMS_ATTACHMENT_SUPERSEDED', `Attachment ${older.id} was already superseded by ${newer.id}; supersede the current revision ${newer.id}.`, { supersededById: newer.id });
    }
  }
  if (form.confidential) await requireNdaFor(db, job.companyId, form.category, 'accept');
  return job;
}

/**
 * Stores an uploaded file for a job: its type detected from the content (unknown types refused),
 * every check of `checkUpload` repeated, the content committed under its SHA-256 and the row written
 * with its audit events (upload; supersede for the older revision) in one transaction.
 */
export async function uploadAttachment(db: Db, store: BlobStore, actor: Actor, jobId: string, form: UploadForm, file: ReceivedFile): Promise<AttachmentView> {
  const type = detectFileType(file.staged.head);
  if (!type) {
    throw new DomainError('LIMS_ATTACHMENT_TYPE_UNSUPPORTED', `The content of ${file.fileName} is not a type the lab accepts (its type is read from the content, not the name). Accepted: ${ACCEPTED_TYPES_TEXT}.`, {
      fileName: file.fileName,
    });
  }
  const row = await db.transaction(async (tx) => {
    if (form.supersedes !== undefined) await repo.lockAttachment(tx, form.supersedes);
    const job = await checkUpload(tx, actor, jobId, form);
    // The content goes into place before the row commits; if the transaction then fails, the sweep removes it.
    await repo.lockContent(tx, file.staged.sha256);
    await store.commit(file.staged);
    const created = await repo.insertAttachment(tx, {
      jobId,
      companyId: job.companyId,
      category: form.category,
      confidential: form.confidential,
      description: form.description ?? null,
      fileName: file.fileName,
      declaredMediaType: file.declaredMediaType,
      format: type.format,
      mediaType: type.mediaType,
      formatDetails: type.details,
      sizeBytes: file.staged.size,
      sha256: file.staged.sha256,
      supersedesId: form.supersedes ?? null,
      uploadedBy: actor.userId,
    });
    const { id, uploadedBy: _by, createdAt: _at, ...content } = created;
    await recordAudit(tx, actor, { action: 'attachment.upload', entityType: 'attachment', entityId: id, after: content });
    if (form.supersedes !== undefined) {
      await recordAudit(tx, actor, { action: 'attachment.supersede', entityType: 'attachment', entityId: form.supersedes, after: { supersededById: id } });
    }
    return created;
  });
  return (await listAttachments(db, actor, jobId)).find((a) => a.id === row.id)!;
}

/** A job's files, superseded ones included and marked, with revision numbers. */
export async function listAttachments(db: Db, actor: Actor, jobId: string): Promise<AttachmentView[]> {
  await visibleJob(db, actor, jobId);
  return presentJobAttachments(await repo.listJobAttachments(db, jobId), actor);
}

/** One file's metadata. */
export async function getAttachment(db: Db, actor: Actor, id: string): Promise<AttachmentView> {
  const row = await visibleAttachment(db, actor, id);
  return presentJobAttachments(await repo.listJobAttachments(db, row.jobId), actor).find((a) => a.id === id)!;
}

/**
 * Opens a file for download. A confidential file needs, for a customer, an NDA in force covering it,
 * and every download of one is an audit event written in the transaction that authorizes it (staff
 * are not gated by the NDA: the lab keeps the files it works on for the NDA's retention).
 */
export async function openAttachmentContent(db: Db, store: BlobStore, actor: Actor, id: string): Promise<{ attachment: repo.AttachmentRow; stream: Readable; size: number }> {
  let opened: { stream: Readable; size: number } | null = null;
  try {
    const attachment = await db.transaction(async (tx) => {
      const row = await visibleAttachment(tx, actor, id);
      if (row.confidential && actor.role === 'customer') await requireNdaFor(tx, row.companyId, row.category, 'release');
      opened = await store.open(row.sha256);
      if (!opened) {
        throw new DomainError('LIMS_ATTACHMENT_CONTENT_MISSING', `The stored content of attachment ${id} (SHA-256 ${row.sha256}) is missing from the attachment store; the administrator must restore it from the backup.`, { sha256: row.sha256 });
      }
      if (row.confidential) {
        await recordAudit(tx, actor, { action: 'attachment.download', entityType: 'attachment', entityId: row.id, after: { fileName: row.fileName, sha256: row.sha256, sizeBytes: row.sizeBytes } });
      }
      return row;
    });
    return { attachment, ...opened! };
  } catch (err) {
    (opened as { stream: Readable } | null)?.stream.destroy();
    throw err;
  }
}

/** Deletes a file while its job is submitted (afterwards 409: upload a new revision instead). */
export async function deleteAttachment(db: Db, actor: Actor, id: string): Promise<void> {
  if (!DELETERS.includes(actor.role)) throw forbidden(`A ${actor.role} may not delete files.`);
  await db.transaction(async (tx) => {
    const row = await visibleAttachment(tx, actor, id);
    await repo.lockAttachment(tx, id);
    const job = await visibleJob(tx, actor, row.jobId);
    assertDeleteAllowed(job, id, (await repo.findSuccessor(tx, id))?.id ?? null);
    if (!(await repo.deleteAttachment(tx, id))) {
      throw new DomainError('LIMS_ATTACHMENT_RETAINED', `Job ${job.number} has just left the submitted state: its files are kept (retention per the NDA). Upload a new revision with the form field supersedes = ${id} instead.`, { attachmentId: id });
    }
    const { createdAt, ...before } = row;
    await recordAudit(tx, actor, { action: 'attachment.delete', entityType: 'attachment', entityId: id, before: { ...before, uploadedAt: createdAt.toISOString() } });
  });
}
