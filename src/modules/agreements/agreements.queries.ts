import type { Db } from '../../db/database.js';
import { companyAgreements, type AgreementRow } from './agreements.repository.js';
import { inForce } from './domain/lifecycle.js';

/** The company's active annual agreements in force on `day` (pricing and quotes use their terms). */
export async function annualAgreementsInForce(db: Db, companyId: string, day: string): Promise<AgreementRow[]> {
  return (await companyAgreements(db, companyId, ['active'])).filter((a) => a.kind === 'annual' && inForce(a, day));
}
