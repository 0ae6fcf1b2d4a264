/**
 * Assembles the document model from the facts the service gathered: pure, so that the same facts
 * always give the same model (and the same bytes).
 */
import { compare } from '../../../shared/decimal.js';
import type { ComparisonRow, DocumentItem, DocumentModel, DocumentType, DriftRow, ResultSummary, TraceabilityRecord, UncertaintyFacts } from './document-model.js';

export interface DocumentFacts {
  readonly type: DocumentType;
  readonly languages: readonly string[];
  readonly number: string | null;
  readonly issuedOn: string | null;
  readonly laboratory: DocumentModel['laboratory'];
  readonly customer: DocumentModel['customer'];
  readonly job: DocumentModel['job'];
  readonly items: readonly Omit<DocumentItem, 'results'>[];
  readonly summaries: readonly ResultSummary[];
  readonly methods: DocumentModel['methods'];
  readonly traceability: readonly TraceabilityRecord[];
  readonly comparison: readonly ComparisonRow[] | null;
  readonly drift: readonly DriftRow[] | null;
  readonly authorizedBy: DocumentModel['authorizedBy'];
  readonly supersedes: DocumentModel['supersedes'];
  /** The day (in Finland) of each result's measurement, by result id. */
  readonly measurementDays: ReadonlyMap<string, string>;
}

const range = (values: readonly (string | null)[]): { min: string; max: string } | null => {
  const present = values.filter((v): v is string => v !== null);
  if (present.length === 0) return null;
  const sorted = [...present].sort((a, b) => compare(a, b));
  return { min: sorted[0]!, max: sorted[sorted.length - 1]! };
};

const sameFacts = (a: UncertaintyFacts, b: UncertaintyFacts) =>
  a.method === b.method && a.coverageFactor === b.coverageFactor && a.coverageProbability === b.coverageProbability && a.effectiveDof === b.effectiveDof;

/** The distinct uncertainty statements of the results, in order of first use. */
function statementsOf(summaries: readonly ResultSummary[]): UncertaintyFacts[] {
  const found: UncertaintyFacts[] = [];
  for (const s of summaries) {
    const u = s.uncertainty;
    if (!u) continue;
    const facts = { method: u.method, coverageFactor: u.coverageFactor, coverageProbability: u.coverageProbability, effectiveDof: u.effectiveDof };
    if (!found.some((f) => sameFacts(f, facts))) found.push(facts);
  }
  return found;
}

/** `full` when every result is accredited, `none` when none is (or there are none), else `partial`. */
export function accreditationOf(summaries: readonly ResultSummary[], accreditationNumber: string | null): DocumentModel['accreditation'] {
  const accredited = summaries.filter((s) => s.accredited).length;
  if (!accreditationNumber || accredited === 0) return 'none';
  return accredited === summaries.length ? 'full' : 'partial';
}

/** The model of a document from its facts. */
export function buildDocumentModel(f: DocumentFacts): DocumentModel {
  const days = [...f.summaries.map((s) => f.measurementDays.get(s.resultId)!)].sort();
  const decided = f.summaries.find((s) => s.conformity);
  const labelOf = (s: ResultSummary) => s.characteristic?.identifier ?? (s.referenceValue ? `${s.referenceValue.value} ${s.referenceValue.unit}` : s.resultId);
  const deviations = f.summaries
    .filter((s) => s.environment.deviation)
    .map((s) => ({ itemLineNo: f.items.find((i) => i.id === s.itemId)!.lineNo, what: labelOf(s), justification: s.environment.justification ?? '' }));
  return {
    schemaVersion: 1,
    type: f.type,
    number: f.number,
    issuedOn: f.issuedOn,
    laboratory: f.laboratory,
    workLocation: 'laboratory',
    customer: f.customer,
    job: f.job,
    methods: f.methods,
    measuredFrom: days[0] ?? f.issuedOn ?? '',
    measuredTo: days[days.length - 1] ?? f.issuedOn ?? '',
    environment: { temperature: range(f.summaries.map((s) => s.environment.temperature)), humidity: range(f.summaries.map((s) => s.environment.humidity)) },
    items: f.items.map((item) => ({ ...item, results: f.summaries.filter((s) => s.itemId === item.id) })),
    uncertaintyStatements: f.type === 'inspection_report' ? [] : statementsOf(f.summaries),
    decisionRule: decided?.conformity ? { rule: decided.conformity.rule, guardBandFactor: decided.conformity.guardBandFactor, notes: f.job.decisionRuleNotes } : null,
    deviations,
    traceability: f.traceability,
    accreditation: f.type === 'inspection_report' ? 'none' : accreditationOf(f.summaries, f.laboratory.accreditationNumber),
    comparison: f.comparison,
    drift: f.drift,
    authorizedBy: f.authorizedBy,
    supersedes: f.supersedes,
    languages: f.languages,
  };
}
