import { DomainError } from '../../../shared/errors/index.js';
import { characteristicProblem, type CharacteristicInput } from '../../jobs/index.js';
import { readQifProduct, type QifCharacteristic, type QifProductDraft, type SourcedProblem } from './qif-product-reader.js';
import type { QifProblem } from './qif-results.js';

export { readQifProduct, type QifCharacteristic, type QifProductDraft } from './qif-product-reader.js';

export interface QifProduct {
  /** The document's QPId, when it has one. */
  qpId?: string;
  versionQIF: string;
  characteristics: QifCharacteristic[];
}

/** The rules the jobs module applies to one characteristic: what is wrong with it, or null. */
export type CharacteristicRule = (c: CharacteristicInput) => string | null;

/**
 * Applies the rules of a characteristic to what readQifProduct read, and refuses the whole file when
 * anything is wrong, listing every problem in file order (then balloons used twice).
 *
 * @throws DomainError LIMS_QIF_INVALID (broken ids or values; `details.problems`);
 *   LIMS_QIF_UNSUPPORTED_CHARACTERISTICS (valid QIF the LIMS cannot hold; `details.problems`).
 */
export function finishQifProduct(draft: QifProductDraft, rule: CharacteristicRule = characteristicProblem): QifProduct {
  const unsupported: SourcedProblem[] = [...draft.unsupported];
  const characteristics: QifCharacteristic[] = [];
  for (const { source, element, characteristic } of draft.candidates) {
    const { qifId, qifNominalId: _nominal, qifKind: _kind, ...input } = characteristic;
    const problem = rule(input);
    if (problem) unsupported.push({ source, id: qifId, element, reason: problem });
    else characteristics.push(characteristic);
  }
  // Stable: a characteristic's problems stay together, in the order of the file.
  const problems: QifProblem[] = unsupported.sort((a, b) => a.source - b.source).map(({ source: _source, ...p }) => p);
  const seen = new Map<string, string>();
  for (const c of characteristics) {
    const other = seen.get(c.identifier);
    if (other !== undefined) problems.push({ id: c.qifId, element: 'CharacteristicDesignator', reason: `the identifier "${c.identifier}" is also that of QIF characteristic ${other}; balloons must be unique on a piece` });
    seen.set(c.identifier, c.qifId);
  }
  const all = [...draft.invalid, ...problems];
  if (all.length > 0) {
    throw new DomainError(
      draft.invalid.length === 0 ? 'LIMS_QIF_UNSUPPORTED_CHARACTERISTICS' : 'LIMS_QIF_INVALID',
      `${all.length} problem(s) in the characteristics of the QIF document; nothing was imported. See details.problems (QIF id, element, reason), correct the file and send it again.`,
      { problems: all },
    );
  }
  return { ...(draft.qpId !== undefined ? { qpId: draft.qpId } : {}), versionQIF: draft.versionQIF, characteristics };
}

/**
 * Reads the characteristics of a QIF 3 MBD (or Plan/Results) document on this thread: readQifProduct
 * then finishQifProduct. The whole file is read or refused: every problem of every characteristic is listed.
 *
 * @throws DomainError LIMS_QIF_NOT_XML / LIMS_QIF_NOT_QIF3 / LIMS_QIF_DTD_REFUSED (not a QIF 3 document);
 *   LIMS_IMPORT_LIMIT_EXCEEDED; LIMS_QIF_NO_CHARACTERISTICS; LIMS_QIF_INVALID; LIMS_QIF_UNSUPPORTED_CHARACTERISTICS.
 */
export const parseQifProduct = (xml: string): QifProduct => finishQifProduct(readQifProduct(xml));
