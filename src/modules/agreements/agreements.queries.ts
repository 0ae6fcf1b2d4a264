import type { Db } from '../../db/database.js';
import { companyAgreements, type AgreementRow } from './agreements.repository.js';
import { inForce } from './domain/lifecycle.js';

/** The company's active annual agreements in force on `day` (pricing and quotes use their terms). */
export async function annualAgreementsInForce(db: Db, companyId: string, day: string): Promise<AgreementRow[]> {
  return (await companyAgreements(db, companyId, ['active'])).filter((a) => a.kind === 'annual' && inForce(a, day));
}

/**
 * The company's active agreements (annual and ad hoc) in force on `day`, annual ones first: the
 * agreements a new job can be placed under.
 */
export async function agreementsInForce(db: Db, companyId: string, day: string): Promise<AgreementRow[]> {
  const rows = (await companyAgreements(db, companyId, ['active'])).filter((a) => inForce(a, day));
  return [...rows.filter((a) => a.kind === 'annual'), ...rows.filter((a) => a.kind !== 'annual')];
}
