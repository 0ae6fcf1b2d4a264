import type { Db } from '../../db/database.js';
import { companyScope, type Actor } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { addCharacteristicsIn, findJobItem, SUBMIT_ROLES, type CharacteristicInput } from '../jobs/index.js';
import type { QifCharacteristic } from './domain/qif-product.js';
import type { QifReader } from './qif-reader.js';

/** A characteristic as the jobs module takes it: the QIF fields other than the item id stay behind. */
const toInput = ({ qifNominalId: _nominal, qifKind: _kind, ...input }: QifCharacteristic): CharacteristicInput => input;

/** Refuses, with the whole list, characteristics whose identifier or QIF id the item already has. */
function refuseDuplicates(imported: readonly QifCharacteristic[]) {
  return (existing: readonly { identifier: string; qifId: string | null }[]) => {
    const identifiers = new Set(existing.map((c) => c.identifier));
    const qifIds = new Set(existing.flatMap((c) => (c.qifId === null ? [] : [c.qifId])));
    const duplicates = imported.flatMap((c) => [
      ...(identifiers.has(c.identifier) ? [{ id: c.qifId, identifier: c.identifier, reason: `the item already has a characteristic ${c.identifier}` }] : []),
      ...(qifIds.has(c.qifId) ? [{ id: c.qifId, identifier: c.identifier, reason: `the item already has the characteristic of QIF id ${c.qifId}` }] : []),
    ]);
    if (duplicates.length > 0) {
      throw new DomainError(
        'LIMS_QIF_DUPLICATE_CHARACTERISTICS',
        `${duplicates.length} characteristic(s) of the file are already on the item (by identifier or QIF id); nothing was imported. Import the file into a new item, or remove those characteristics from the file.`,
        { problems: duplicates },
      );
    }
  };
}

/**
 * Imports every characteristic of a QIF 3 MBD file into a piece of a job not yet accepted, in one
 * transaction with one audit event, or nothing: a file that is not QIF 3, has no characteristics, or
 * has any characteristic the LIMS cannot hold, or one the item already has, is refused with the list.
 * Who may: the roles that submit jobs (the job's own customer, admin, quality manager); another
 * company's job or item is 404. The file is read in a worker thread (`reader`), within the import's
 * limits. Answers the characteristics created, in file order.
 */
export async function importQifCharacteristics(db: Db, reader: QifReader, actor: Actor, jobId: string, itemId: string, xml: string) {
  if (!SUBMIT_ROLES.includes(actor.role)) throw forbidden(`A ${actor.role} may not add characteristics to jobs.`);
  // Visibility before the file is read, so that another company's ids answer 404 whatever is sent.
  const found = await findJobItem(db, companyScope(actor), itemId);
  if (!found || found.job.id !== jobId) throw notFound('Job item', itemId);
  const product = await reader.product(xml);
  const source = { format: 'QIF', versionQIF: product.versionQIF, ...(product.qpId !== undefined ? { qpId: product.qpId } : {}) };
  const job = await db.transaction((tx) =>
    addCharacteristicsIn(tx, actor, jobId, itemId, product.characteristics.map(toInput), {
      check: refuseDuplicates(product.characteristics),
      audit: { action: 'job.characteristics.import_qif', details: { source } },
    }),
  );
  const imported = new Set(product.characteristics.map((c) => c.qifId));
  const item = job.items.find((i) => i.id === itemId)!;
  return { jobId, itemId, source, characteristics: item.characteristics.filter((c) => c.qifId !== null && imported.has(c.qifId)) };
}
