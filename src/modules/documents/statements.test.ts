import { decisionLabel, riskStatement, ruleStatement, type ConformityDecision, type RuleDescription } from '../uncertainty/domain/conformity-statement.js';
import { uncertaintyStatement } from '../uncertainty/domain/reporting.js';
import { LANGUAGES, type Language } from './i18n.js';
import {
  decisionLabelIn,
  decisionRuleStatementIn,
  mpeConformityIn,
  probabilityOfConformityIn,
  riskStatementIn,
  uncertaintyStatementIn,
  type UncertaintyStatementFacts,
} from './statements.js';

const NORMAL: UncertaintyStatementFacts = { method: 'gum', coverageFactor: 2, coverageProbability: 0.9545, effectiveDof: null };
const T_DIST: UncertaintyStatementFacts = { method: 'gum', coverageFactor: 2.28, coverageProbability: 0.95, effectiveDof: 8 };
const MCM: UncertaintyStatementFacts = { method: 'mcm', coverageFactor: null, coverageProbability: 0.95, effectiveDof: null };

const comma = (lang: Language) => lang !== 'en';

function rule(kind: 'simple' | 'guarded', guardBandFactor: number, decisionType: 'binary' | 'nonBinary', coverageFactor = 2): RuleDescription {
  return { kind, guardBandFactor, guardBand: 0, decisionType, coverageFactor, references: [] };
}

describe.each(LANGUAGES)('uncertainty statements in %s', (lang) => {
  test('k = 2 for a normal distribution, approximately 95 %', () => {
    const text = uncertaintyStatementIn(lang, NORMAL);
    expect(text).toContain('k = 2,');
    expect(text).toContain('95 %');
    expect(text).not.toContain('{{');
  });

  test('k = 2.28 for a t-distribution with ν_eff = 8', () => {
    const text = uncertaintyStatementIn(lang, T_DIST);
    expect(text).toContain(comma(lang) ? 'k = 2,28' : 'k = 2.28');
    expect(text).not.toContain(comma(lang) ? '2.28' : '2,28');
    expect(text).toContain('ν_eff = 8');
    expect(text).toContain('95 %');
  });

  test('Monte Carlo (JCGM 101) at 95 %, and 99.7 % with the separator of the language', () => {
    const text = uncertaintyStatementIn(lang, MCM);
    expect(text).toContain('Monte Carlo');
    expect(text).toContain('JCGM 101:2008');
    expect(text).toContain('95 %');
    expect(uncertaintyStatementIn(lang, { ...MCM, coverageProbability: 0.9973 })).toContain(comma(lang) ? '99,7 %' : '99.7 %');
  });

  test('decision rules: guard band factor with the separator of the language, and k of U', () => {
    const text = decisionRuleStatementIn(lang, { rule: 'guarded_acceptance', guardBandFactor: 1.5, coverageFactor: 2.28 });
    expect(text).toContain(comma(lang) ? 'w = 1,5 U' : 'w = 1.5 U');
    expect(text).toContain(comma(lang) ? '(k = 2,28).' : '(k = 2.28).');
    expect(decisionRuleStatementIn(lang, { rule: 'guarded_acceptance', guardBandFactor: 1, coverageFactor: 2 })).toContain('w = U ');
    expect(decisionRuleStatementIn(lang, { rule: 'simple_acceptance', guardBandFactor: 0, coverageFactor: 2 })).toContain('w = 0)');
  });

  test('probability of conformity, risks and MPE conformity', () => {
    expect(probabilityOfConformityIn(lang, 0.973)).toMatch(comma(lang) ? /p_c = 97,3 %$/ : /p_c = 97\.3 %$/);
    expect(probabilityOfConformityIn(lang, 0.99996)).toContain(comma(lang) ? '> 99,9 %' : '> 99.9 %');
    expect(probabilityOfConformityIn(lang, 0.0001)).toContain(comma(lang) ? '< 0,1 %' : '< 0.1 %');
    expect(riskStatementIn(lang, 'falseAcceptance', 0.0123)).toContain(comma(lang) ? '1,2 %' : '1.2 %');
    expect(mpeConformityIn(lang, { mpe: '±2 µm', failingPoints: [] })).toContain('(MPE ±2 µm)');
    const one = mpeConformityIn(lang, { mpe: '±2 µm', failingPoints: ['25 mm'] });
    const three = mpeConformityIn(lang, { mpe: '±2 µm', failingPoints: ['25 mm', '50 mm', '75 mm'] });
    expect(one).toContain('25 mm.');
    expect(three).toContain('25 mm, 50 mm');
    expect(three).toMatch(/75 mm\.$/);
    expect(one).not.toBe(mpeConformityIn(lang, { mpe: '±2 µm', failingPoints: [] }));
  });

  test('every decision has a full and a short label, all different', () => {
    const decisions: ConformityDecision[] = ['pass', 'conditionalPass', 'conditionalFail', 'fail'];
    const full = decisions.map((d) => decisionLabelIn(lang, d));
    expect(new Set(full).size).toBe(4);
    expect(new Set(decisions.map((d) => decisionLabelIn(lang, d, { short: true }))).size).toBe(4);
  });
});

describe('Finnish and English are the texts the engine produces (reviewed by the quality manager)', () => {
  const engineLangs = ['fi', 'en'] as const;

  test.each([
    ['normal k = 2', NORMAL, { coverageFactor: 2, coverageProbability: 0.9545 }],
    ['t-distribution k = 2.28, ν_eff = 8', T_DIST, { coverageFactor: 2.28, coverageProbability: 0.95, effectiveDof: 8 }],
    ['Monte Carlo 95 %', MCM, { coverageFactor: 2, coverageProbability: 0.95, method: 'mcm' as const }],
    ['normal k = 3, 99.73 %', { ...NORMAL, coverageFactor: 3, coverageProbability: 0.9973 }, { coverageFactor: 3, coverageProbability: 0.9973 }],
  ])('uncertainty statement: %s', (_name, facts, engineInput) => {
    const engine = uncertaintyStatement(engineInput);
    for (const lang of engineLangs) expect(uncertaintyStatementIn(lang, facts)).toBe(engine[lang]);
  });

  test.each([
    ['simple', rule('simple', 0, 'binary'), { rule: 'simple_acceptance', guardBandFactor: 0 }],
    ['simple, non-binary asked (no guard band, no addition)', rule('simple', 0, 'nonBinary'), { rule: 'simple_acceptance', guardBandFactor: 0, nonBinary: true }],
    ['guarded w = U', rule('guarded', 1, 'binary'), { rule: 'guarded_acceptance', guardBandFactor: 1 }],
    ['guarded w = U, non-binary', rule('guarded', 1, 'nonBinary'), { rule: 'guarded_acceptance', guardBandFactor: 1, nonBinary: true }],
    ['guarded w = 1.5 U, k = 2.28', rule('guarded', 1.5, 'nonBinary', 2.28), { rule: 'guarded_acceptance', guardBandFactor: 1.5, nonBinary: true }],
    ['guarded with r = 0 is simple', rule('guarded', 0, 'binary'), { rule: 'guarded_acceptance', guardBandFactor: 0 }],
  ])('decision rule: %s', (_name, description, facts) => {
    const engine = ruleStatement(description);
    for (const lang of engineLangs) expect(decisionRuleStatementIn(lang, { ...facts, coverageFactor: description.coverageFactor })).toBe(engine[lang]);
  });

  test('decision labels', () => {
    for (const d of ['pass', 'conditionalPass', 'conditionalFail', 'fail'] as const) {
      for (const lang of engineLangs) expect(decisionLabelIn(lang, d)).toBe(decisionLabel(d)[lang]);
    }
    expect(decisionLabelIn('fi', 'pass', { short: true })).toBe('Hyväksytty');
    expect(decisionLabelIn('en', 'pass', { short: true })).toBe('Conforms');
  });

  test.each([0.00005, 0.0001, 0.0123, 0.05, 0.1234, 0.5])('risk statements at p = %p', (p) => {
    for (const kind of ['falseAcceptance', 'falseRejection'] as const) {
      const engine = riskStatement(kind, p);
      for (const lang of engineLangs) expect(riskStatementIn(lang, kind, p)).toBe(engine[lang]);
    }
  });
});

describe('wording in Swedish and Estonian', () => {
  test('the standard uncertainty statement', () => {
    expect(uncertaintyStatementIn('sv', NORMAL)).toBe(
      'Den angivna expanderade mätosäkerheten är standardmätosäkerheten multiplicerad med täckningsfaktorn k = 2, vilket för en normalfördelning motsvarar en täckningssannolikhet på ungefär 95 %.',
    );
    expect(uncertaintyStatementIn('et', NORMAL)).toBe(
      'Esitatud laiendmõõtemääramatus on standardmõõtemääramatus, korrutatuna katteteguriga k = 2, mis normaaljaotuse korral vastab katte tõenäosusele ligikaudu 95 %.',
    );
  });

  test('probability of conformity, also for a table cell (no full stop)', () => {
    expect(probabilityOfConformityIn('en', 0.973)).toBe('Probability of conformity p_c = 97.3 %');
    expect(probabilityOfConformityIn('fi', 0.973)).toBe('Vaatimustenmukaisuuden todennäköisyys p_c = 97,3 %');
  });

  test('MPE conformity lists the failing points with the language’s "and"', () => {
    expect(mpeConformityIn('en', { mpe: '±2 µm', failingPoints: [] })).toBe('The instrument conforms to its specification (MPE ±2 µm) at every calibration point.');
    expect(mpeConformityIn('en', { mpe: '±2 µm', failingPoints: ['25 mm', '50 mm', '75 mm'] })).toBe(
      'The instrument does not conform to its specification (MPE ±2 µm) at calibration points 25 mm, 50 mm and 75 mm.',
    );
    expect(mpeConformityIn('fi', { mpe: '±2 µm', failingPoints: ['25 mm'] })).toBe('Mittauslaite ei täytä spesifikaatiotaan (MPE ±2 µm) kalibrointipisteessä 25 mm.');
    expect(mpeConformityIn('sv', { mpe: '±2 µm', failingPoints: ['25 mm', '50 mm'] })).toContain('i kalibreringspunkterna 25 mm och 50 mm.');
    expect(mpeConformityIn('et', { mpe: '±2 µm', failingPoints: ['25 mm', '50 mm'] })).toContain('kalibreerimispunktides 25 mm ja 50 mm.');
  });

  test('a rule the engine does not apply is stated as the one agreed, without the guard band or the non-binary addition', () => {
    const text = decisionRuleStatementIn('en', { rule: 'customer_specific', guardBandFactor: 1, nonBinary: true, coverageFactor: 2 });
    expect(text).toBe('Conformity is stated using the decision rule agreed with the customer. U denotes the expanded measurement uncertainty (k = 2).');
    expect(decisionRuleStatementIn('fi', { rule: 'simple_acceptance', guardBandFactor: 0 })).toMatch(/U tarkoittaa laajennettua mittausepävarmuutta\.$/);
  });

  test('k u without k is refused', () => {
    expect(() => uncertaintyStatementIn('fi', { ...NORMAL, coverageFactor: null })).toThrow(/coverage factor/);
  });
});
