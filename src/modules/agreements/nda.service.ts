import type { Db } from '../../db/database.js';
import { companyScope, type Actor } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import { getCompany } from '../companies/index.js';
import { presentNda } from './agreements.presenter.js';
import * as repo from './agreements.repository.js';
import type { NdaCover } from './domain/agreement-terms.js';

export type NdaView = ReturnType<typeof presentNda>;

/** The company's NDA in force on `day` (the one running longest), or null. */
export async function activeNda(db: Db, companyId: string, day = todayInFinland()): Promise<NdaView | null> {
  const [nda] = await repo.ndasInForce(db, companyId, day);
  return nda ? presentNda(nda, day) : null;
}

/**
 * The NDA gate for confidential material (drawings, CAD/PMI models, results): throws
 * LIMS_NDA_REQUIRED unless the company has an NDA in force on `day` that covers `covering`.
 * The jobs module calls it before accepting confidential uploads.
 */
export async function requireActiveNda(db: Db, companyId: string, options: { day?: string; covering?: NdaCover } = {}): Promise<NdaView> {
  const day = options.day ?? todayInFinland();
  const inForce = (await repo.ndasInForce(db, companyId, day)).filter((n) => !options.covering || n.covers.includes(options.covering));
  if (inForce.length === 0) {
    const what = options.covering ? ` covering ${options.covering}` : '';
    throw new DomainError('LIMS_NDA_REQUIRED', `Company ${companyId} has no confidentiality agreement (NDA)${what} in force on ${day}; confidential files cannot be accepted until an agreement with an NDA is signed.`, {
      companyId,
    });
  }
  return presentNda(inForce[0]!, day);
}

/** The NDA status of a company the actor may see: whether one is in force and until when. */
export async function getNdaStatus(db: Db, actor: Actor, companyId: string) {
  await getCompany(db, actor, companyId);
  const nda = await activeNda(db, companyId);
  return { companyId, inForce: nda !== null, nda };
}

export async function getNdas(db: Db, actor: Actor, companyId?: string): Promise<NdaView[]> {
  return (await repo.listNdas(db, companyScope(actor), companyId)).map((n) => presentNda(n));
}

export async function getNda(db: Db, actor: Actor, id: string): Promise<NdaView> {
  const nda = await repo.findNda(db, companyScope(actor), id);
  if (!nda) throw notFound('NDA', id);
  return presentNda(nda);
}

/**
 * Ends an NDA in force on the day the termination takes effect (today or earlier; a future date
 * is recorded when it comes). From then on confidential files of the company are neither
 * accepted nor released to it. The lab's obligations for material it already holds continue
 * for the NDA's retention period, so nothing is deleted. Audited with the reason.
 */
export async function terminateNda(db: Db, actor: Actor, id: string, input: { reason: string; terminatedOn?: string }): Promise<NdaView> {
  if (actor.role !== 'admin' && actor.role !== 'quality_manager') throw forbidden('Only a quality manager or an admin may terminate an NDA.');
  const today = todayInFinland();
  const terminatedOn = input.terminatedOn ?? today;
  if (terminatedOn > today) {
    throw new DomainError('LIMS_AGREEMENT_INVALID', `The termination date ${terminatedOn} is in the future; record the termination on the day it takes effect.`, { field: '/body/terminatedOn' });
  }
  return db.transaction(async (tx) => {
    const before = await repo.findNda(tx, companyScope(actor), id);
    if (!before) throw notFound('NDA', id);
    const status = presentNda(before, today).status;
    const after = status === 'active' ? await repo.terminateNda(tx, id, terminatedOn) : null;
    if (!after) throw new DomainError('LIMS_NDA_NOT_ACTIVE', `NDA ${id} is ${status}; only an NDA in force can be terminated.`, { ndaId: id, status });
    await recordAudit(tx, actor, { action: 'nda.terminate', entityType: 'nda', entityId: id, before, after, reason: input.reason });
    return presentNda(after, today);
  });
}
