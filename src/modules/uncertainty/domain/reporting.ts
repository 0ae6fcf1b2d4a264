/**
 * Reporting of a result on a certificate (EA-4/02 M:2022 clause 5, GUM 7.2.6): the expanded
 * uncertainty to at most two significant digits, the value to the same decimal place, and the
 * standard statement about the coverage factor in English and Finnish.
 */
import {
  formatDecimal,
  leadingPlace,
  lowering,
  roundToPlace,
  toDecimal,
  type Decimal,
} from './decimal-rounding.js';
import { invalidInput } from './errors.js';

export interface RoundedResult {
  /** The measured value rounded to the uncertainty's last digit, decimal point. */
  readonly value: string;
  /** The expanded uncertainty to at most `significantDigits` digits, decimal point. */
  readonly expandedUncertainty: string;
  /** Digits after the decimal point in both strings (0 when rounded to units or coarser). */
  readonly decimalPlaces: number;
  /** Power of ten of the last reported digit, e.g. -3 for 0.023 and 2 for 1200. */
  readonly place: number;
  /** True when rounding to nearest would have lowered U by more than 5 % and U was rounded up. */
  readonly roundedUp: boolean;
}

/**
 * Rounds U to at most `significantDigits` significant digits, to nearest unless that lowers it
 * by more than 5 %, in which case upwards (EA-4/02); then rounds the value to the same place.
 * With two digits, rounding to nearest never lowers U by more than 0.5/10.5 = 4.8 %, so the
 * upward rule only acts with one digit (e.g. 0.0231 -> 0.03, not 0.02).
 */
export function roundResult(value: number, expandedUncertainty: number, significantDigits: 1 | 2 = 2): RoundedResult {
  if (!Number.isFinite(value)) throw invalidInput(`Cannot report a non-finite value (${value})`);
  if (!(expandedUncertainty >= 0) || !Number.isFinite(expandedUncertainty)) {
    throw invalidInput(`Cannot report an expanded uncertainty of ${expandedUncertainty}`);
  }
  const u = toDecimal(expandedUncertainty);
  if (u.digits === 0n) {
    // Nothing to round to: report the value as the shortest text that reads back exactly.
    const text = String(value);
    const decimals = text.includes('e') ? 0 : (text.split('.')[1]?.length ?? 0);
    return { value: text, expandedUncertainty: '0', decimalPlaces: decimals, place: -decimals, roundedUp: false };
  }
  let place = leadingPlace(u) - (significantDigits - 1);
  let rounded = roundToPlace(u, place);
  let roundedUp = false;
  const { lowered, scale } = lowering(u, rounded);
  if (20n * lowered > scale) {
    rounded = roundToPlace(u, place, 'up');
    roundedUp = true;
  }
  // 0.0996 -> 0.100 carries into a new digit; 0.10 states the same with two digits.
  if (rounded.digits >= 10n ** BigInt(significantDigits)) {
    place += 1;
    rounded = { ...rounded, digits: rounded.digits / 10n, exponent: place };
  }
  const v: Decimal = roundToPlace(toDecimal(value), place);
  return {
    value: formatDecimal(v),
    expandedUncertainty: formatDecimal(rounded),
    decimalPlaces: Math.max(0, -place),
    place,
    roundedUp,
  };
}

/** Coverage factor as printed: two decimals at most, trailing zeros dropped (2.00 -> 2). */
export function formatCoverageFactor(k: number, decimalSeparator = '.'): string {
  return trimZeros(formatDecimal(roundToPlace(toDecimal(k), -2))).replace('.', decimalSeparator);
}

/**
 * Coverage probability as a percentage: 0.9545 (k = 2 for a normal distribution) is stated as
 * "approximately 95 %" by convention; others to at most one decimal (0.9973 -> 99.7).
 */
export function formatCoveragePercent(p: number, decimalSeparator = '.'): string {
  const percent = Math.abs(p - 0.9545) < 1e-9 ? 95 : p * 100;
  return trimZeros(formatDecimal(roundToPlace(toDecimal(percent), -1))).replace('.', decimalSeparator);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

export interface StatementInput {
  readonly coverageFactor: number;
  readonly coverageProbability: number;
  /** Effective dof when k came from a t distribution; Infinity (or absent) for the normal case. */
  readonly effectiveDof?: number;
  /** 'mcm' when the interval came from Monte Carlo rather than from k * u. */
  readonly method?: 'gum' | 'mcm';
}

/** The certificate statement about the expanded uncertainty, in English and Finnish. */
export function uncertaintyStatement(input: StatementInput): { en: string; fi: string } {
  const pEn = formatCoveragePercent(input.coverageProbability);
  const pFi = formatCoveragePercent(input.coverageProbability, ',');
  if (input.method === 'mcm') {
    return {
      en: `The reported expanded uncertainty of measurement was determined by the Monte Carlo method (JCGM 101:2008) and corresponds to a coverage probability of approximately ${pEn} %.`,
      fi: `Ilmoitettu laajennettu mittausepävarmuus on määritetty Monte Carlo -menetelmällä (JCGM 101:2008), ja se vastaa noin ${pFi} %:n kattavuustodennäköisyyttä.`,
    };
  }
  const kEn = formatCoverageFactor(input.coverageFactor);
  const kFi = formatCoverageFactor(input.coverageFactor, ',');
  const nu = input.effectiveDof;
  if (nu !== undefined && Number.isFinite(nu)) {
    return {
      en: `The reported expanded uncertainty of measurement is stated as the standard uncertainty of measurement multiplied by the coverage factor k = ${kEn}, which for a t-distribution with ν_eff = ${nu} effective degrees of freedom corresponds to a coverage probability of approximately ${pEn} %.`,
      fi: `Ilmoitettu laajennettu mittausepävarmuus on standardiepävarmuus kerrottuna kattavuuskertoimella k = ${kFi}, mikä t-jakaumalle, jonka efektiivinen vapausasteluku on ν_eff = ${nu}, vastaa noin ${pFi} %:n kattavuustodennäköisyyttä.`,
    };
  }
  return {
    en: `The reported expanded uncertainty of measurement is stated as the standard uncertainty of measurement multiplied by the coverage factor k = ${kEn}, which for a normal distribution corresponds to a coverage probability of approximately ${pEn} %.`,
    fi: `Ilmoitettu laajennettu mittausepävarmuus on standardiepävarmuus kerrottuna kattavuuskertoimella k = ${kFi}, mikä normaalijakaumalle vastaa noin ${pFi} %:n kattavuustodennäköisyyttä.`,
  };
}
