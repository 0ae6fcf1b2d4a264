import type { Db } from '../../db/database.js';
import type { ImpactScope, ImpactSource, ImpactedRecord } from '../equipment/index.js';
import { labDay } from './domain/result-rules.js';
import * as repo from './results.repository.js';

/**
 * Reverse impact (ISO/IEC 17025 7.10): every result measured with an affected item on a day inside
 * one of that item's windows (from inclusive, until exclusive). Corrected results are listed too:
 * they are part of the record the assessment has to look at.
 */
export const resultsImpactSource: ImpactSource = {
  name: 'results',
  async find(db: Db, scope: ImpactScope): Promise<ImpactedRecord[]> {
    const rows = await repo.resultsUsing(db, [...new Set(scope.windows.map((w) => w.equipmentId))]);
    const out: ImpactedRecord[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const day = labDay(r.measuredAt);
      const hit = scope.windows.some((w) => w.equipmentId === r.equipmentId && w.from <= day && (w.until === null || day < w.until));
      if (!hit || seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ kind: 'result', id: r.id, description: `Result of job item ${r.itemId} (job ${r.jobId})`, date: day, equipmentId: r.equipmentId });
    }
    return out;
  },
};
