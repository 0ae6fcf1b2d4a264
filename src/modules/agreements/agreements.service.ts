import { randomUUID } from 'node:crypto';
import { formatNumber, nextNumber } from '../../db/counters.js';
import type { Db } from '../../db/database.js';
import { companyScope, type Actor } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import { getCompany } from '../companies/index.js';
import * as repo from './agreements.repository.js';
import { presentAgreement, type AgreementView } from './agreements.presenter.js';
import type { AgreementTerms, LabService, NdaCover } from './domain/agreement-terms.js';
import { effectiveStatus, periodProblem } from './domain/lifecycle.js';

export interface NdaInput {
  kind: 'one_way' | 'mutual';
  covers: NdaCover[];
  termMonths?: number;
  retentionMonths?: number;
  disposal?: string;
}

export interface AgreementInput {
  companyId: string;
  kind: 'annual' | 'ad_hoc';
  services: LabService[];
  validFrom: string;
  validTo?: string | null;
  terms: AgreementTerms;
  nda?: NdaInput;
  ndaId?: string;
}

export type AgreementChange = Partial<Pick<AgreementInput, 'services' | 'validFrom' | 'validTo' | 'terms' | 'nda'>>;

const invalid = (message: string, field?: string) => new DomainError('LIMS_AGREEMENT_INVALID', message, field ? { field } : undefined);

/** Normalizes terms (Finnish always among the languages, optional fields null) and checks them against the services. */
export function checkTerms(kind: 'annual' | 'ad_hoc', services: LabService[], validFrom: string, validTo: string | null, terms: AgreementTerms): AgreementTerms {
  const problem = periodProblem(kind, validFrom, validTo);
  if (problem) throw invalid(`The validity period is not valid: ${problem}.`, '/body/validTo');
  const missing = services.filter((s) => terms.delivery.workingDays[s] === undefined);
  if (missing.length) throw invalid(`terms.delivery.workingDays needs the delivery time of ${missing.join(', ')}.`, '/body/terms/delivery/workingDays');
  const stray = Object.keys(terms.pricing.discounts).filter((s) => !services.includes(s as LabService));
  if (stray.length) throw invalid(`Discounts are given for services the agreement does not cover: ${stray.join(', ')}.`, '/body/terms/pricing/discounts');
  const person = (p: AgreementTerms['contacts']['lab'][number]) => ({ name: p.name, title: p.title ?? null, email: p.email ?? null, phone: p.phone ?? null });
  return {
    ...terms,
    decisionRule: { rule: terms.decisionRule.rule, notes: terms.decisionRule.notes ?? null },
    languages: ['fi', ...terms.languages.filter((l) => l !== 'fi')],
    contacts: { customer: terms.contacts.customer.map(person), lab: terms.contacts.lab.map(person) },
  };
}

const ndaValues = (companyId: string, n: NdaInput) => ({
  companyId,
  kind: n.kind,
  covers: n.covers,
  termMonths: n.termMonths ?? 60,
  retentionMonths: n.retentionMonths ?? 120,
  disposal: n.disposal ?? 'return_or_destroy_on_request',
});

/** Reads an agreement with its NDA, scoped to the actor's company for customers. */
export async function loadAgreement(db: Db, actor: Actor, id: string, forUpdate = false) {
  const row = await repo.findAgreement(db, companyScope(actor), id, forUpdate);
  if (!row) throw notFound('Agreement', id);
  const nda = (await repo.findNda(db, undefined, row.ndaId))!;
  return { row, nda };
}

const view = async (db: Db, row: repo.AgreementRow): Promise<AgreementView> => presentAgreement(row, (await repo.findNda(db, undefined, row.ndaId))!);

/**
 * Creates a draft agreement with a new NDA (`nda`) or a reference to an existing one of the same
 * company (`ndaId`). The agreement number (AG-year-nnnnn) is gapless per year.
 */
export async function createAgreement(db: Db, actor: Actor, input: AgreementInput): Promise<AgreementView> {
  return db.transaction(async (tx) => {
    await getCompany(tx, actor, input.companyId);
    const validTo = input.validTo ?? null;
    const terms = checkTerms(input.kind, input.services, input.validFrom, validTo, input.terms);
    if (Boolean(input.nda) === Boolean(input.ndaId)) throw invalid('Give either nda (a new confidentiality agreement) or ndaId (an existing one), not both or neither.', '/body/nda');
    let ndaId = input.ndaId;
    if (ndaId) {
      const nda = await repo.findNda(tx, input.companyId, ndaId);
      if (!nda || nda.status === 'terminated') throw invalid(`NDA ${ndaId} is not a valid NDA of this company.`, '/body/ndaId');
    } else {
      ndaId = (await repo.insertNda(tx, ndaValues(input.companyId, input.nda!))).id;
    }
    const year = Number(input.validFrom.slice(0, 4));
    const number = formatNumber('AG', year, await nextNumber(tx, 'agreement', year));
    const row = await repo.insertAgreement(tx, {
      seriesId: randomUUID(),
      version: 1,
      number,
      companyId: input.companyId,
      kind: input.kind,
      services: input.services,
      validFrom: input.validFrom,
      validTo,
      terms,
      ndaId,
    });
    await recordAudit(tx, actor, { action: 'agreement.create', entityType: 'agreement', entityId: row.id, after: row });
    return view(tx, row);
  });
}

/** Edits a draft agreement; anything else is refused (make a new version of an active one). */
export async function updateAgreement(db: Db, actor: Actor, id: string, change: AgreementChange): Promise<AgreementView> {
  return db.transaction(async (tx) => {
    const { row: before } = await loadAgreement(tx, actor, id, true);
    if (before.status !== 'draft') {
      throw new DomainError('LIMS_AGREEMENT_NOT_DRAFT', `Agreement ${before.number} v${before.version} is ${effectiveStatus(before, todayInFinland())}; only drafts can be edited. Create a new version with POST /agreements/${id}/revisions.`);
    }
    const services = change.services ?? before.services;
    const validFrom = change.validFrom ?? before.validFrom;
    const validTo = change.validTo !== undefined ? change.validTo : before.validTo;
    const terms = checkTerms(before.kind, services, validFrom, validTo, change.terms ?? before.terms);
    let ndaId = before.ndaId;
    if (change.nda) ndaId = (await repo.insertNda(tx, ndaValues(before.companyId, change.nda))).id;
    const after = await repo.updateAgreement(tx, id, { services, validFrom, validTo, terms, ndaId });
    await recordAudit(tx, actor, { action: 'agreement.update', entityType: 'agreement', entityId: id, before, after });
    return view(tx, after);
  });
}

/** Starts a new draft version of an active agreement; the active one stays in force (and readable) until the new one is signed. */
export async function reviseAgreement(db: Db, actor: Actor, id: string): Promise<AgreementView> {
  return db.transaction(async (tx) => {
    const { row: current } = await loadAgreement(tx, actor, id, true);
    if (effectiveStatus(current, todayInFinland()) !== 'active') {
      throw new DomainError('LIMS_AGREEMENT_NOT_ACTIVE', `Agreement ${current.number} v${current.version} is ${effectiveStatus(current, todayInFinland())}; only active agreements get new versions.`);
    }
    const series = await repo.listSeries(tx, undefined, current.seriesId);
    const open = series.find((a) => a.status === 'draft');
    if (open) throw new DomainError('LIMS_AGREEMENT_OPEN_REVISION', `Version ${open.version} (${open.id}) of agreement ${current.number} is already a draft; edit it instead.`, { agreementId: open.id });
    const row = await repo.insertAgreement(tx, {
      seriesId: current.seriesId,
      version: Math.max(...series.map((a) => a.version)) + 1,
      supersedesId: current.id,
      number: current.number,
      companyId: current.companyId,
      kind: current.kind,
      services: current.services,
      validFrom: current.validFrom,
      validTo: current.validTo,
      terms: current.terms,
      ndaId: current.ndaId,
      quoteId: current.quoteId,
    });
    await recordAudit(tx, actor, { action: 'agreement.revise', entityType: 'agreement', entityId: row.id, before: { supersedes: current.id }, after: row });
    return view(tx, row);
  });
}

/** Terminates an active agreement with a reason. The NDA's obligations continue for their own term. */
export async function terminateAgreement(db: Db, actor: Actor, id: string, input: { reason: string; terminatedOn?: string }): Promise<AgreementView> {
  return db.transaction(async (tx) => {
    const { row: before } = await loadAgreement(tx, actor, id, true);
    const status = effectiveStatus(before, todayInFinland());
    if (status !== 'active') throw new DomainError('LIMS_AGREEMENT_NOT_ACTIVE', `Agreement ${before.number} v${before.version} is ${status}; only active agreements can be terminated.`);
    const after = await repo.updateAgreement(tx, id, { status: 'terminated', terminatedOn: input.terminatedOn ?? todayInFinland(), terminationReason: input.reason });
    await recordAudit(tx, actor, { action: 'agreement.terminate', entityType: 'agreement', entityId: id, before, after, reason: input.reason });
    return view(tx, after);
  });
}

/** One agreement the actor may see. */
export async function getAgreement(db: Db, actor: Actor, id: string): Promise<AgreementView> {
  const { row, nda } = await loadAgreement(db, actor, id);
  return presentAgreement(row, nda);
}

/** Agreements the actor may see (customers: their own company's). */
export async function getAgreements(db: Db, actor: Actor, filter: { companyId?: string; kind?: 'annual' | 'ad_hoc' }): Promise<AgreementView[]> {
  const rows = await repo.listAgreements(db, companyScope(actor), filter);
  const ndas = await repo.ndasById(db, [...new Set(rows.map((r) => r.ndaId))]);
  return rows.map((r) => presentAgreement(r, ndas.get(r.ndaId)!));
}

/** Every version of the agreement, oldest first (superseded versions stay readable). */
export async function getVersions(db: Db, actor: Actor, id: string): Promise<AgreementView[]> {
  const { row } = await loadAgreement(db, actor, id);
  const rows = await repo.listSeries(db, companyScope(actor), row.seriesId);
  const ndas = await repo.ndasById(db, [...new Set(rows.map((r) => r.ndaId))]);
  return rows.map((r) => presentAgreement(r, ndas.get(r.ndaId)!));
}

export const assertStaff = (actor: Actor, what: string): void => {
  if (actor.role === 'customer') throw forbidden(`Customers may not ${what}.`);
};
