import { compare, sub, toText } from '../../../shared/decimal.js';

export type CheckResult = 'pass' | 'fail';

export interface CheckFigures {
  expected?: string | null;
  observed?: string | null;
  acceptanceLimit?: string | null;
  result?: CheckResult;
}

/**
 * The outcome of an intermediate check (ISO/IEC 17025 6.4.10), decided by the measured data: with
 * the expected and observed values and the acceptance limit, it passes when |observed - expected|
 * is within the limit (exact decimals), and a result the client states must agree. Without figures
 * (a qualitative check) the stated result is the outcome. Returns the result or the problem.
 */
export function checkOutcome(f: CheckFigures): { result: CheckResult } | { problem: string } {
  const given = [f.expected, f.observed, f.acceptanceLimit].filter((x) => x !== undefined && x !== null).length;
  if (given === 0) return f.result ? { result: f.result } : { problem: 'A check without expected, observed and acceptanceLimit needs its result (pass or fail).' };
  if (given < 3) return { problem: 'Give expected, observed and acceptanceLimit together (the service decides the result from them), or none of them with a stated result.' };
  if (compare(f.acceptanceLimit!, '0') < 0) return { problem: `The acceptance limit ${f.acceptanceLimit} must not be negative.` };
  const deviation = toText(sub(f.observed!, f.expected!));
  const size = deviation.startsWith('-') ? deviation.slice(1) : deviation;
  const result: CheckResult = compare(size, f.acceptanceLimit!) <= 0 ? 'pass' : 'fail';
  if (f.result && f.result !== result) {
    return { problem: `The observed value deviates from the expected by ${deviation}, which is ${result === 'pass' ? 'within' : 'outside'} the acceptance limit ±${f.acceptanceLimit}: the check ${result === 'pass' ? 'passes' : 'fails'}, not '${f.result}'.` };
  }
  return { result };
}
