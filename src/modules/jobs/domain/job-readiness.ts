/**
 * Whether a job's results allow the next lifecycle step: review needs a current result for every
 * characteristic of every piece and at least one calibration point of every instrument; reporting
 * needs every item's results released (four eyes). Pure: the facts come from the results module.
 */

/** What the results module knows of one item of the job. */
export interface ItemCoverage {
  itemId: string;
  /** Characteristics with a current (not corrected) result. */
  measuredCharacteristicIds: readonly string[];
  /** How many current calibration points an instrument has. */
  calibrationPoints: number;
  /** True once a second person released the item's results. */
  released: boolean;
}

/** An item of the job as the jobs module knows it. */
export interface ReadinessItem {
  id: string;
  lineNo: number;
  description: string;
  instrument: boolean;
  characteristics: readonly { id: string; identifier: string }[];
}

/** An item that still lacks results: the characteristics without a current result, or a calibration point. */
export interface MissingResults {
  itemId: string;
  lineNo: number;
  description: string;
  missing: 'characteristics' | 'calibration_point';
  /** Characteristics without a current result (empty for an instrument). */
  characteristics: { id: string; identifier: string }[];
}

export interface UnreleasedItem {
  itemId: string;
  lineNo: number;
  description: string;
}

const EMPTY: ItemCoverage = { itemId: '', measuredCharacteristicIds: [], calibrationPoints: 0, released: false };
const coverageOf = (coverage: readonly ItemCoverage[], itemId: string) => coverage.find((c) => c.itemId === itemId) ?? EMPTY;

/** The items whose results are incomplete for review, in item order ([] when the job may go to review). */
export function missingResults(items: readonly ReadinessItem[], coverage: readonly ItemCoverage[]): MissingResults[] {
  return items.flatMap((item): MissingResults[] => {
    const c = coverageOf(coverage, item.id);
    const head = { itemId: item.id, lineNo: item.lineNo, description: item.description };
    if (item.instrument) return c.calibrationPoints > 0 ? [] : [{ ...head, missing: 'calibration_point', characteristics: [] }];
    const measured = new Set(c.measuredCharacteristicIds);
    const without = item.characteristics.filter((x) => !measured.has(x.id)).map((x) => ({ id: x.id, identifier: x.identifier }));
    return without.length === 0 ? [] : [{ ...head, missing: 'characteristics', characteristics: without }];
  });
}

/** The items whose results are not released, in item order ([] when the job may be reported). */
export function unreleasedItems(items: readonly ReadinessItem[], coverage: readonly ItemCoverage[]): UnreleasedItem[] {
  return items.filter((item) => !coverageOf(coverage, item.id).released).map((item) => ({ itemId: item.id, lineNo: item.lineNo, description: item.description }));
}

const itemName = (i: { lineNo: number; description: string }) => `item ${i.lineNo} ("${i.description}")`;

/** One line naming what each item lacks, e.g. `item 1 ("Shaft"): no current result for characteristics 2, 3`. */
export function describeMissing(missing: readonly MissingResults[]): string {
  return missing
    .map((m) => `${itemName(m)}: ${m.missing === 'calibration_point' ? 'no calibration point' : `no current result for characteristic${m.characteristics.length > 1 ? 's' : ''} ${m.characteristics.map((c) => c.identifier).join(', ')}`}`)
    .join('; ');
}

/** The unreleased items named, e.g. `item 1 ("Shaft"), item 2 ("Gauge")`. */
export const describeUnreleased = (items: readonly UnreleasedItem[]): string => items.map(itemName).join(', ');
