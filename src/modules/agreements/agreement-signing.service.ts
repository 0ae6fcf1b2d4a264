import { randomUUID } from 'node:crypto';
import { formatNumber, nextNumber } from '../../db/counters.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { DomainError, forbidden } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './agreements.repository.js';
import { presentAgreement, type AgreementView } from './agreements.presenter.js';
import { loadAgreement } from './agreements.service.js';
import type { AgreementTerms, LabService, Signature } from './domain/agreement-terms.js';
import { findOverlap, type AgreementPeriod } from './domain/lifecycle.js';
import { ndaExpiresOn } from './domain/nda-rules.js';

export interface SignInput {
  party: 'customer' | 'lab';
  name: string;
  title?: string | null;
  signedOn: string;
}

const period = (a: repo.AgreementRow): AgreementPeriod => ({ ...a, services: a.services });

/**
 * Makes a fully signed agreement active inside `tx`: refuses an overlap with another active annual
 * agreement of the company for a shared service, supersedes the version it replaces, and brings
 * its NDA into force from the signing date.
 */
async function activate(tx: Db, actor: Actor, row: repo.AgreementRow, signedOn: string): Promise<repo.AgreementRow> {
  await repo.lockCompanyAgreements(tx, row.companyId);
  const others = (await repo.companyAgreements(tx, row.companyId, ['active'])).filter((a) => a.id !== row.id);
  const clash = findOverlap(period(row), others.map(period));
  if (clash) {
    const c = clash.agreement;
    throw new DomainError(
      'LIMS_AGREEMENT_OVERLAP',
      `Active annual agreement ${c.number} v${c.version} (${c.id}, ${c.validFrom} – ${c.validTo}) already covers ${clash.services.join(', ')} for this company in an overlapping period. Terminate it or change this agreement's period or services.`,
      { conflictingAgreementId: c.id, conflictingAgreementNumber: c.number, services: clash.services },
    );
  }
  if (row.supersedesId) {
    const old = await repo.updateAgreement(tx, row.supersedesId, { status: 'superseded' });
    await recordAudit(tx, actor, { action: 'agreement.supersede', entityType: 'agreement', entityId: old.id, after: { status: 'superseded', by: row.id } });
  }
  const nda = (await repo.findNda(tx, undefined, row.ndaId))!;
  if (nda.status === 'pending') {
    const active = await repo.updateNda(tx, nda.id, { status: 'active', effectiveFrom: signedOn, expiresOn: ndaExpiresOn(signedOn, nda.termMonths) });
    await recordAudit(tx, actor, { action: 'nda.activate', entityType: 'nda', entityId: nda.id, before: nda, after: active });
  }
  return repo.updateAgreement(tx, row.id, { status: 'active', signedOn });
}

/**
 * Records one party's signature on a draft. Customers sign for their own company; staff sign for
 * the lab or record a customer's signature made on paper. When both have signed, the agreement
 * becomes active (see `activate`).
 */
export async function signAgreement(db: Db, actor: Actor, id: string, input: SignInput): Promise<AgreementView> {
  if (actor.role === 'customer' && input.party !== 'customer') throw forbidden('Customers sign only for their own company (party "customer").');
  return db.transaction(async (tx) => {
    const { row: before } = await loadAgreement(tx, actor, id, true);
    if (before.status !== 'draft') throw new DomainError('LIMS_AGREEMENT_NOT_DRAFT', `Agreement ${before.number} v${before.version} is ${before.status}; only drafts are signed.`);
    const key = input.party === 'customer' ? 'customerSignature' : 'labSignature';
    if (before[key]) throw new DomainError('LIMS_AGREEMENT_ALREADY_SIGNED', `The ${input.party} side of agreement ${before.number} was already signed by ${before[key]!.name}.`);
    const signature: Signature = { name: input.name, title: input.title ?? null, signedOn: input.signedOn, recordedBy: actor.userId };
    let after = await repo.updateAgreement(tx, id, { [key]: signature });
    await recordAudit(tx, actor, { action: `agreement.sign.${input.party}`, entityType: 'agreement', entityId: id, after: signature });
    if (after.customerSignature && after.labSignature) {
      const signedOn = [after.customerSignature.signedOn, after.labSignature.signedOn].sort().at(-1)!;
      after = await activate(tx, actor, after, signedOn);
      await recordAudit(tx, actor, { action: 'agreement.activate', entityType: 'agreement', entityId: id, before, after });
    }
    return presentAgreement(after, (await repo.findNda(tx, undefined, after.ndaId))!);
  });
}

export interface AdHocFromQuote {
  companyId: string;
  quoteId: string;
  quoteNumber: string;
  services: LabService[];
  deliveryWorkingDays: Partial<Record<LabService, number>>;
  fixedPrices: Record<string, string>;
  acceptedOn: string;
  acceptedBy: { name: string; userId: string };
  offeredBy: { name: string; userId: string };
  language: 'fi' | 'en' | 'sv' | 'et';
}

/**
 * Concludes an ad hoc agreement for one accepted quote, inside the caller's transaction: the quote
 * is the lab's signed offer and its acceptance the customer's signature. It references the
 * company's NDA in force, or carries a new standard NDA.
 */
export async function createAdHocAgreement(tx: Db, actor: Actor, input: AdHocFromQuote): Promise<string> {
  const inForce = await repo.ndasInForce(tx, input.companyId, input.acceptedOn);
  const ndaId =
    inForce[0]?.id ??
    (await repo.insertNda(tx, { companyId: input.companyId, kind: 'mutual', covers: ['drawings', 'cad_models', 'measurement_results', 'business_information'], termMonths: 60, retentionMonths: 120, disposal: 'return_or_destroy_on_request' })).id;
  const terms: AgreementTerms = {
    delivery: { workingDays: input.deliveryWorkingDays, shipping: 'Asiakas toimittaa kappaleet laboratorioon ja noutaa ne, ellei tarjouksessa toisin sovita.' },
    procedures: `Tarjouksen ${input.quoteNumber} mukaisesti.`,
    pricing: { discounts: {}, fixedPrices: input.fixedPrices },
    decisionRule: { rule: 'simple_acceptance', notes: null },
    languages: ['fi', ...(input.language === 'fi' ? [] : [input.language])],
    contacts: { customer: [{ name: input.acceptedBy.name, title: null, email: null, phone: null }], lab: [{ name: input.offeredBy.name, title: null, email: null, phone: null }] },
  };
  const year = Number(input.acceptedOn.slice(0, 4));
  const number = formatNumber('AG', year, await nextNumber(tx, 'agreement', year));
  const sig = (p: { name: string; userId: string }): Signature => ({ name: p.name, title: null, signedOn: input.acceptedOn, recordedBy: p.userId });
  const draft = await repo.insertAgreement(tx, {
    seriesId: randomUUID(),
    version: 1,
    number,
    companyId: input.companyId,
    kind: 'ad_hoc',
    services: input.services,
    validFrom: input.acceptedOn,
    validTo: null,
    terms,
    ndaId,
    quoteId: input.quoteId,
    customerSignature: sig(input.acceptedBy),
    labSignature: sig(input.offeredBy),
  });
  const row = await activate(tx, actor, draft, input.acceptedOn);
  await recordAudit(tx, actor, { action: 'agreement.create_ad_hoc', entityType: 'agreement', entityId: row.id, after: row });
  return row.id;
}

/** Today's date for callers that need the same calendar as the agreements. */
export const today = (): string => todayInFinland();
