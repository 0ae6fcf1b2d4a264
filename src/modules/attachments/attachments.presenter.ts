import type { Actor } from '../../shared/actor.js';
import type { AttachmentRow } from './attachments.repository.js';
import { revisions, type RevisionInfo } from './domain/attachment-rules.js';
import { nameMismatch } from './domain/file-type.js';

/** An attachment as the API shows it. */
export function presentAttachment(row: AttachmentRow, info: RevisionInfo, actor: Actor) {
  const warning = nameMismatch(row.fileName, row.format);
  return {
    id: row.id,
    jobId: row.jobId,
    companyId: row.companyId,
    category: row.category,
    confidential: row.confidential,
    description: row.description,
    fileName: row.fileName,
    format: row.format,
    mediaType: row.mediaType,
    declaredMediaType: row.declaredMediaType,
    formatDetails: row.formatDetails as Record<string, unknown>,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    revision: info.revision,
    supersedesId: row.supersedesId,
    supersededById: info.supersededById,
    current: info.supersededById === null,
    // Who at the lab handled a file is internal; customers see only that it was uploaded.
    uploadedBy: actor.role === 'customer' ? null : row.uploadedBy,
    uploadedAt: row.createdAt.toISOString(),
    warnings: warning ? [warning] : [],
  };
}

export type AttachmentView = ReturnType<typeof presentAttachment>;

/** A job's files with their revision numbers and which are current. */
export function presentJobAttachments(rows: AttachmentRow[], actor: Actor): AttachmentView[] {
  const info = revisions(rows);
  return rows.map((row) => presentAttachment(row, info.get(row.id)!, actor));
}
