import { sub, toText } from '../../../shared/decimal.js';
import { convertQuantity } from '../../results/index.js';
import { analyzeCharacteristicTrends, type TrendResult } from '../../uncertainty/index.js';

/** The lab's released value of a characteristic of one piece, with its expanded uncertainty when known. */
export interface PieceLabValue {
  value: string;
  unit: string;
  /** In the characteristic's unit; null when unknown. */
  expandedUncertainty: string | null;
  coverageFactor: number | null;
}

/** A piece machined on the machine tool, with its characteristics as copied into its job. */
export interface TrendPiece {
  itemId: string;
  manufacturedOn: string;
  characteristics: { identifier: string; nominal: string | null; unit: string; lab: PieceLabValue | null }[];
}

export interface TrendPointView {
  itemId: string;
  manufacturedOn: string;
  nominal: string;
  measured: string;
  /** measured - nominal, exactly, in the series' unit. */
  deviation: string;
  standardUncertainty: number | null;
}

export interface CharacteristicTrend {
  identifier: string;
  unit: string;
  points: TrendPointView[];
  analysis: TrendResult;
}

/**
 * Per characteristic (by identifier), the deviations of the pieces from nominal, by manufacturing
 * day, in the unit of the first piece's characteristic, and their trend: drift per year with its
 * uncertainty (uncertainty module, `analyzeTrend`). Geometric characteristics without a nominal
 * deviate from zero. A piece without a lab value for a characteristic is left out of that series;
 * one whose value does not convert into the series' unit (degrees against radians) is left out with a note.
 */
export function machineToolTrends(pieces: readonly TrendPiece[]): CharacteristicTrend[] {
  const ordered = [...pieces].sort((a, b) => a.manufacturedOn.localeCompare(b.manufacturedOn));
  const series = new Map<string, { unit: string; points: TrendPointView[]; notes: string[] }>();
  for (const piece of ordered) {
    for (const c of piece.characteristics) {
      let s = series.get(c.identifier);
      if (!s) series.set(c.identifier, (s = { unit: c.unit, points: [], notes: [] }));
      if (!c.lab) continue;
      const measured = convertQuantity(c.lab.value, c.lab.unit, s.unit);
      const nominal = convertQuantity(c.nominal ?? '0', c.unit, s.unit);
      const expanded = c.lab.expandedUncertainty === null ? null : convertQuantity(c.lab.expandedUncertainty, c.unit, s.unit);
      if (measured === null || nominal === null) {
        s.notes.push(`The piece of ${piece.manufacturedOn} (item ${piece.itemId}) is left out: its value in ${c.lab.unit} does not convert into ${s.unit}.`);
        continue;
      }
      s.points.push({
        itemId: piece.itemId,
        manufacturedOn: piece.manufacturedOn,
        nominal,
        measured,
        deviation: toText(sub(measured, nominal)),
        standardUncertainty: expanded === null ? null : Number(expanded) / (c.lab.coverageFactor ?? 2),
      });
    }
  }
  const list = [...series.entries()];
  const analyses = analyzeCharacteristicTrends(
    list.map(([identifier, s]) => ({
      characteristic: identifier,
      points: s.points.map((p) => ({ date: p.manufacturedOn, measured: Number(p.measured), nominal: Number(p.nominal), ...(p.standardUncertainty !== null ? { standardUncertainty: p.standardUncertainty } : {}) })),
    })),
  );
  return list.map(([identifier, s], i) => {
    const { characteristic: _name, ...analysis } = analyses[i]!;
    return { identifier, unit: s.unit, points: s.points, analysis: { ...analysis, notes: [...s.notes, ...analysis.notes] } };
  });
}
