/**
 * The certificate's sentences about uncertainty and conformity, phrased from facts in any document
 * language. The words are `locales/<lang>/statements.json`; the digits are the engine's
 * (`formatCoverageFactor`, `formatCoveragePercent`) with the decimal separator of the language
 * (`format.ts`). The Finnish and English texts are those of the engine's `uncertaintyStatement`,
 * `ruleStatement`, `decisionLabel` and `riskStatement`, which the quality manager reviewed.
 */
import type { TFunction } from 'i18next';
// eslint-disable-next-line no-restricted-imports -- a pure file of the engine's domain; the module's index brings its routes and database along
import { formatCoverageFactor, formatCoveragePercent } from '../uncertainty/domain/reporting.js';
import { formatDecimal } from './format.js';
import { translator, type Language } from './i18n.js';

export type StatementDecision = 'pass' | 'conditionalPass' | 'conditionalFail' | 'fail';
export type RiskKind = 'falseAcceptance' | 'falseRejection';

export interface UncertaintyStatementFacts {
  /** 'mcm' when the interval came from Monte Carlo (JCGM 101) rather than from k u. */
  readonly method: 'gum' | 'mcm';
  /** k; required for 'gum', ignored for 'mcm'. */
  readonly coverageFactor: number | null;
  /** The coverage probability, e.g. 0.9545 (stated as approximately 95 %). */
  readonly coverageProbability: number;
  /** ν_eff when k came from a t-distribution (already truncated by the engine); null or Infinity for the normal case. */
  readonly effectiveDof: number | null;
}

export interface DecisionRuleFacts {
  /** The job's decision rule; a rule other than these two is stated as the one agreed with the customer. */
  readonly rule: 'simple_acceptance' | 'guarded_acceptance' | (string & NonNullable<unknown>);
  /** r in w = r U; 0 means no guard band. */
  readonly guardBandFactor: number;
  /** Results inside a guard band are stated as conditional pass or conditional fail (guarded rules only). */
  readonly nonBinary?: boolean;
  /** k of U; without it the closing sentence names U without k. */
  readonly coverageFactor?: number;
}

export interface MpeConformityFacts {
  /** The maximum permissible error as the document prints it, e.g. `±2 µm` (formatted by the caller). */
  readonly mpe: string;
  /** The calibration points outside the MPE as the document prints them, e.g. `25 mm`; empty when it conforms. */
  readonly failingPoints: readonly string[];
}

const translators = new Map<Language, TFunction>();

/** Cached per language: a fixed translator is immutable, and phrasing a table of results asks many times. */
function t(lang: Language): TFunction {
  let fixed = translators.get(lang);
  if (!fixed) translators.set(lang, (fixed = translator(lang, 'statements')));
  return fixed;
}

/** A number printed with a decimal point (`2.28`) in the language's separator (`2,28` in fi, sv, et). */
const digits = (text: string, lang: Language): string => formatDecimal(text, lang);

/** The engine's figure for a rule factor: at most four significant digits (1.5, 0.75). */
const factorText = (value: number): string => String(Number(value.toPrecision(4)));

/** The statement about the expanded uncertainty: normal k, t-distribution with ν_eff, or Monte Carlo (JCGM 101). */
export function uncertaintyStatementIn(lang: Language, facts: UncertaintyStatementFacts): string {
  const p = digits(formatCoveragePercent(facts.coverageProbability), lang);
  if (facts.method === 'mcm') return t(lang)('uncertainty.monteCarlo', { p });
  if (facts.coverageFactor === null) throw new Error('An uncertainty stated as k u needs its coverage factor k');
  const k = digits(formatCoverageFactor(facts.coverageFactor), lang);
  const nu = facts.effectiveDof;
  if (nu !== null && Number.isFinite(nu)) return t(lang)('uncertainty.tDistribution', { k, p, nu: String(nu) });
  return t(lang)('uncertainty.normal', { k, p });
}

/** The sentence naming the decision rule (ILAC-G8, ISO 14253-1), with the non-binary addition and the "U denotes" tail. */
export function decisionRuleStatementIn(lang: Language, facts: DecisionRuleFacts): string {
  const tr = t(lang);
  const guarded = facts.rule === 'guarded_acceptance' && facts.guardBandFactor > 0;
  const sentences: string[] = [];
  if (guarded) {
    const w = facts.guardBandFactor === 1 ? tr('decisionRule.guardBand.u') : tr('decisionRule.guardBand.rU', { r: digits(factorText(facts.guardBandFactor), lang) });
    sentences.push(tr('decisionRule.guarded', { w }));
    if (facts.nonBinary) sentences.push(tr('decisionRule.nonBinary'));
  } else {
    sentences.push(tr(facts.rule === 'simple_acceptance' || facts.rule === 'guarded_acceptance' ? 'decisionRule.simple' : 'decisionRule.agreed'));
  }
  sentences.push(
    facts.coverageFactor === undefined
      ? tr('decisionRule.uDenotesNoK')
      : tr('decisionRule.uDenotes', { k: digits(formatCoverageFactor(facts.coverageFactor), lang) }),
  );
  return sentences.join(' ');
}

/** The label of a decision: full ("Pass (conforms)") or short for table cells ("Conforms"). */
export function decisionLabelIn(lang: Language, decision: StatementDecision, options: { readonly short?: boolean } = {}): string {
  return t(lang)(`${options.short ? 'decisionShort' : 'decision'}.${decision}`);
}

/** A probability as the engine's risk sentences print it: `< 0,01 %` below 0.01 %, else two significant digits, one decimal from 10 %. */
function riskPercent(lang: Language, probability: number): string {
  const percent = probability * 100;
  if (percent < 0.01) return t(lang)('percent.below', { value: digits('0.01', lang) });
  return t(lang)('percent.value', { value: digits(percent >= 10 ? percent.toFixed(1) : percent.toPrecision(2), lang) });
}

/** The specific-risk sentence (JCGM 106) for one result. */
export function riskStatementIn(lang: Language, kind: RiskKind, probability: number): string {
  return t(lang)(`risk.${kind}`, { probability: riskPercent(lang, probability) });
}

/**
 * "Probability of conformity p_c = 97.3 %" (no full stop: it also stands in table cells): one decimal; a p_c that would print as 100.0 or 0.0 is
 * stated as > 99.9 % or < 0.1 %, since a model never makes conformity certain.
 */
export function probabilityOfConformityIn(lang: Language, p: number): string {
  const percent = p * 100;
  const probability =
    percent >= 99.95
      ? t(lang)('percent.above', { value: digits('99.9', lang) })
      : percent < 0.05
        ? t(lang)('percent.below', { value: digits('0.1', lang) })
        : t(lang)('percent.value', { value: digits(percent.toFixed(1), lang) });
  return t(lang)('probabilityOfConformity', { probability });
}

/** Points as a list in the language: `25 mm, 50 mm and 75 mm`. */
function listIn(lang: Language, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return t(lang)('list.and', { first: items.slice(0, -1).join(', '), last: items[items.length - 1] });
}

/** Conformity of a calibrated instrument to its specification (MPE) at every calibration point, or the points where it does not. */
export function mpeConformityIn(lang: Language, facts: MpeConformityFacts): string {
  if (facts.failingPoints.length === 0) return t(lang)('mpe.conforms', { mpe: facts.mpe });
  return t(lang)('mpe.notConforming', { mpe: facts.mpe, points: listIn(lang, facts.failingPoints), count: facts.failingPoints.length });
}
