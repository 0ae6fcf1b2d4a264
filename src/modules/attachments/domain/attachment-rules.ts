import type { Role } from '../../../shared/actor.js';
import { DomainError } from '../../../shared/errors/index.js';
import type { requireActiveNda } from '../../agreements/index.js';
import type { JobItemLookup } from '../../jobs/index.js';
import type { AttachmentCategory } from './attachment-kinds.js';

type JobState = JobItemLookup['job']['status'];
type NdaCover = NonNullable<NonNullable<Parameters<typeof requireActiveNda>[2]>['covering']>;
interface Job {
  number: string;
  status: JobState;
}

/** Customers of the job's company and the lab's bench and office staff add files; auditors only read. */
export const UPLOADERS: readonly Role[] = ['customer', 'admin', 'quality_manager', 'technician'];
/** Deleting (only while the job is submitted): the company's own users and the lab's reviewers. */
export const DELETERS: readonly Role[] = ['customer', 'admin', 'quality_manager'];

const FINISHED: ReadonlySet<JobState> = new Set(['rejected', 'cancelled', 'closed']);
/** After the report the customer's material is final; later files are the lab's (e.g. a report copy). */
const CUSTOMER_REVISIONS_UNTIL: ReadonlySet<JobState> = new Set(['accepted', 'items_received', 'in_measurement', 'results_under_review']);

/** What an NDA must cover for a confidential file of each category; `other` needs an NDA in force of any cover. */
export const NDA_COVER: Record<AttachmentCategory, NdaCover | undefined> = {
  drawing: 'drawings',
  cad_model: 'cad_models',
  pmi: 'cad_models',
  customer_report: 'measurement_results',
  other: undefined,
};

/**
 * Whether `role` may add a file to a job in its state: nobody once the job is finished (rejected,
 * cancelled, closed); customers add new files until the job is accepted and afterwards only a new
 * revision of an existing file (`supersedes`) until the job is reported; staff at any time before.
 */
export function assertUploadAllowed(role: Role, job: Job, supersedes: boolean): void {
  if (FINISHED.has(job.status)) {
    throw new DomainError('LIMS_ATTACHMENT_JOB_CLOSED', `Job ${job.number} is ${job.status}; files can no longer be added to it.`, { status: job.status });
  }
  if (role !== 'customer' || job.status === 'submitted') return;
  if (!supersedes) {
    throw new DomainError(
      'LIMS_ATTACHMENT_JOB_ACCEPTED',
      `Job ${job.number} has been accepted (it is ${job.status}); add a changed file as a new revision of the file it replaces (form field supersedes = that file's id), or ask the lab.`,
      { status: job.status },
    );
  }
  if (!CUSTOMER_REVISIONS_UNTIL.has(job.status)) {
    throw new DomainError('LIMS_ATTACHMENT_JOB_ACCEPTED', `Job ${job.number} is ${job.status}; new revisions are no longer taken from the customer. Contact the lab.`, { status: job.status });
  }
}

/** Files are deleted only while the job is submitted; afterwards they are kept for the retention the NDA sets. */
export function assertDeleteAllowed(job: Job, attachmentId: string, supersededById: string | null): void {
  if (job.status !== 'submitted') {
    throw new DomainError(
      'LIMS_ATTACHMENT_RETAINED',
      `Job ${job.number} is ${job.status}: its files are kept (retention per the NDA) and cannot be deleted. Upload the corrected file as a new revision with the form field supersedes = ${attachmentId}.`,
      { status: job.status, attachmentId },
    );
  }
  if (supersededById) {
    throw new DomainError('LIMS_ATTACHMENT_SUPERSEDED', `File ${attachmentId} has a newer revision ${supersededById}; delete that one first.`, { supersededById });
  }
}

export interface RevisionInfo {
  /** 1 for a first upload, 2 for the file that supersedes it, and so on. */
  revision: number;
  supersededById: string | null;
}

/** Revision numbers and successors of a job's files from their `supersedesId` links. */
export function revisions(files: readonly { id: string; supersedesId: string | null }[]): Map<string, RevisionInfo> {
  const byId = new Map(files.map((f) => [f.id, f]));
  const successor = new Map(files.filter((f) => f.supersedesId).map((f) => [f.supersedesId!, f.id]));
  const result = new Map<string, RevisionInfo>();
  for (const file of files) {
    let revision = 1;
    for (let at = file; at.supersedesId && byId.has(at.supersedesId) && revision <= files.length; at = byId.get(at.supersedesId)!) revision++;
    result.set(file.id, { revision, supersededById: successor.get(file.id) ?? null });
  }
  return result;
}

/**
 * A Content-Disposition header that offers the file for download under its name: an ASCII fallback
 * and the exact name in RFC 8187 form.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
