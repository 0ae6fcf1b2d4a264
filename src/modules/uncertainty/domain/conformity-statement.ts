/**
 * Wording of conformity statements in English and Finnish. Kept apart from the decision logic
 * so that a change of wording (reviewed by the quality manager) never touches the arithmetic.
 */

export type DecisionRuleKind = 'simple' | 'guarded';
export type DecisionType = 'binary' | 'nonBinary';
export type ConformityDecision = 'pass' | 'conditionalPass' | 'conditionalFail' | 'fail';

/** The standards a conformity statement cites. */
export const DECISION_RULE_REFERENCES = ['ILAC-G8:09/2019', 'ISO 14253-1:2017', 'JCGM 106:2012'] as const;

/** Machine-readable description of the decision rule, stored with the result. */
export interface RuleDescription {
  readonly kind: DecisionRuleKind;
  /** r in w = r U; 0 for simple acceptance. */
  readonly guardBandFactor: number;
  /** w in the unit of the measurand. */
  readonly guardBand: number;
  readonly decisionType: DecisionType;
  readonly coverageFactor: number;
  readonly references: readonly string[];
}

export interface LocalizedText {
  readonly en: string;
  readonly fi: string;
}

/** Formats a number for text with at most 4 significant digits; Finnish uses a decimal comma. */
function formatNumber(value: number, language: 'en' | 'fi'): string {
  const text = String(Number(value.toPrecision(4)));
  return language === 'fi' ? text.replace('.', ',') : text;
}

function guardBandExpression(rule: RuleDescription, language: 'en' | 'fi'): string {
  if (rule.kind === 'simple' || rule.guardBandFactor === 0) return 'w = 0';
  if (rule.guardBandFactor === 1) return 'w = U';
  return `w = ${formatNumber(rule.guardBandFactor, language)} U`;
}

/**
 * The sentence naming the decision rule, for the certificate or report, in both languages.
 * Example (EN): "Conformity is stated using the decision rule of guarded acceptance with a
 * guard band w = U (ILAC-G8:09/2019, ISO 14253-1)."
 */
export function ruleStatement(rule: RuleDescription): LocalizedText {
  const k = formatNumber(rule.coverageFactor, 'en');
  const kFi = formatNumber(rule.coverageFactor, 'fi');
  const citation = '(ILAC-G8:09/2019, ISO 14253-1)';
  const guarded = rule.kind === 'guarded' && rule.guardBandFactor > 0;
  let en = guarded
    ? `Conformity is stated using the decision rule of guarded acceptance with a guard band ${guardBandExpression(rule, 'en')} ${citation}.`
    : `Conformity is stated using the decision rule of simple acceptance (guard band w = 0) ${citation}; the measured value is compared directly with the tolerance limits.`;
  let fi = guarded
    ? `Vaatimustenmukaisuus on todettu suojakaistaa käyttävällä päätössäännöllä, suojakaista ${guardBandExpression(rule, 'fi')} ${citation}: tulos hyväksytään, kun mitattu arvo on toleranssirajoista suojakaistan verran sisäpuolella olevien hyväksymisrajojen sisällä.`
    : `Vaatimustenmukaisuus on todettu yksinkertaisen hyväksynnän päätössäännöllä (suojakaista w = 0) ${citation}: mitattua arvoa verrataan suoraan toleranssirajoihin.`;
  if (rule.decisionType === 'nonBinary' && guarded) {
    en += ' Results within a guard band of a tolerance limit are stated as conditional pass or conditional fail.';
    fi += ' Toleranssirajan suojakaistalle osuvat tulokset ilmoitetaan ehdollisesti hyväksyttyinä tai ehdollisesti hylättyinä.';
  }
  en += ` U denotes the expanded measurement uncertainty (k = ${k}).`;
  fi += ` U tarkoittaa laajennettua mittausepävarmuutta (k = ${kFi}).`;
  return { en, fi };
}

const DECISION_LABELS: Readonly<Record<ConformityDecision, LocalizedText>> = {
  pass: { en: 'Pass (conforms)', fi: 'Hyväksytty (vaatimustenmukainen)' },
  conditionalPass: { en: 'Conditional pass', fi: 'Ehdollisesti hyväksytty' },
  conditionalFail: { en: 'Conditional fail', fi: 'Ehdollisesti hylätty' },
  fail: { en: 'Fail (does not conform)', fi: 'Hylätty (ei vaatimustenmukainen)' },
};

/** Short label of a decision in both languages. */
export function decisionLabel(decision: ConformityDecision): LocalizedText {
  return DECISION_LABELS[decision];
}

/** The specific-risk sentence (JCGM 106) for one result, in both languages. */
export function riskStatement(kind: 'falseAcceptance' | 'falseRejection', probability: number): LocalizedText {
  const percentEn = formatPercent(probability, 'en');
  const percentFi = formatPercent(probability, 'fi');
  return kind === 'falseAcceptance'
    ? {
        en: `Probability of false acceptance for this result: ${percentEn} (JCGM 106:2012).`,
        fi: `Virheellisen hyväksynnän todennäköisyys tälle tulokselle: ${percentFi} (JCGM 106:2012).`,
      }
    : {
        en: `Probability of false rejection for this result: ${percentEn} (JCGM 106:2012).`,
        fi: `Virheellisen hylkäyksen todennäköisyys tälle tulokselle: ${percentFi} (JCGM 106:2012).`,
      };
}

function formatPercent(probability: number, language: 'en' | 'fi'): string {
  const percent = probability * 100;
  // Risks below 0.01 % are not meaningful at the resolution of the model.
  if (percent < 0.01) return language === 'fi' ? '< 0,01 %' : '< 0.01 %';
  const text = percent >= 10 ? percent.toFixed(1) : percent.toPrecision(2);
  return `${language === 'fi' ? text.replace('.', ',') : text} %`;
}
