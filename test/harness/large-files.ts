import type { EvaluationRequest } from '../../src/modules/uncertainty/domain/index.js';
import { validQif } from './qif-fixtures.js';

/**
 * Large inputs for the tests and the bench that show the event loop stays free: a QIF model of many
 * megabytes, a results CSV of tens of thousands of rows, and a second-order GUM over many inputs.
 */

/** One nominal feature as a QIF model holds thousands of them (the import reads none). */
const feature = (id: number): string =>
  `<CircleFeatureNominal id="${id}"><FeatureDefinitionId>1</FeatureDefinitionId><Location>${(id * 0.125).toFixed(4)} ${(id * 0.0625).toFixed(4)} 12.5000</Location><Normal>0 0 1</Normal><Diameter>10.000</Diameter></CircleFeatureNominal>`;

/**
 * A QIF 3 MBD document of about `bytes` bytes: the five characteristics of `validQif.part` and, as
 * in a real model, mostly geometry the import does not read.
 */
export function largeQif(bytes: number): string {
  const base = validQif.part;
  const features: string[] = [];
  let size = base.length + 100;
  for (let id = 100_000; size < bytes; id++) {
    const f = feature(id);
    features.push(f);
    size += f.length + 1;
  }
  return base.replace('<Characteristics>', `<Features><FeatureNominals n="${features.length}">\n${features.join('\n')}\n</FeatureNominals></Features>\n<Characteristics>`);
}

/** Readings of each result in `largeResultsCsv`. */
export const READINGS_PER_RESULT = 100;

/**
 * A results CSV of about `bytes` bytes: readings of characteristic 1 of item 1, each 100 rows a
 * result of their own (repeats share a measured_at, and a result takes at most 1000 readings).
 */
export function largeResultsCsv(bytes: number, methodVersionId: string, measuredAt: string): string {
  const lines = ['item;characteristic;value;unit;measured_at;equipment;method_version;temperature;humidity'];
  let size = lines[0]!.length;
  const base = Date.parse(measuredAt);
  for (let n = 0; size < bytes; n++) {
    // Every 100 rows a result of their own (a millisecond earlier each): a result takes at most 1000 readings.
    const at = new Date(base - Math.floor(n / READINGS_PER_RESULT)).toISOString();
    const line = ['1', '1', `25,0${String(100 + (n % 900)).padStart(3, '0')}`, 'mm', at, 'KTK-CMM-001', methodVersionId, '20,1', '45'].join(';');
    lines.push(line);
    size += line.length + 2;
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A non-linear model of `n` inputs with the GUM's second-order terms: n^2 mixed derivatives, seconds of work for 200 inputs. */
export function secondOrderGum(n: number): EvaluationRequest {
  const names = Array.from({ length: n }, (_, i) => `x${i + 1}`);
  return {
    model: names.map((x, i) => (i % 2 ? `${x}*x${i}` : `sin(${x})`)).join(' + '),
    secondOrder: true,
    inputs: names.map((name, i) => ({ name, estimate: 1 + i / 1000, distribution: { type: 'normal', standardUncertainty: 0.001 } })),
  };
}
