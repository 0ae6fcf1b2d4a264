/**
 * Reads everything a document states from the modules that own it (job, company, released results,
 * stored evaluations, methods, equipment traceability, reference comparisons) and builds the model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/database.js';
import { projectRoot } from '../../db/project-root.js';
import { systemActor, type Actor } from '../../shared/actor.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { getCompany } from '../companies/index.js';
import { translator } from '../documents/index.js';
import { getTraceability } from '../equipment/index.js';
import { getJob, toleranceLimits } from '../jobs/index.js';
import { methodVersionBrief } from '../methods/index.js';
import { getComparison, getMachineToolTrend } from '../reference-measurements/index.js';
import { convertQuantity, meanInUnit, releasedResultsOf } from '../results/index.js';
import { reportedEvaluations } from '../uncertainty/index.js';
import type { ComparisonRow, DocumentModel, DocumentType, DriftRow, ResultSummary, TraceabilityRecord } from './domain/document-model.js';
import { buildDocumentModel } from './domain/model-builder.js';
import { summarizeResult } from './domain/result-summary.js';

type JobView = Awaited<ReturnType<typeof getJob>>;

interface Laboratory {
  name: string;
  address: DocumentModel['laboratory']['address'];
}
let laboratory: Laboratory | null = null;
/** The lab's name and address, `templates/laboratory.json` (read once). */
export const lab = (): Laboratory => (laboratory ??= JSON.parse(readFileSync(join(projectRoot(), 'templates', 'laboratory.json'), 'utf8')) as Laboratory);

export interface DocumentFrame {
  type: DocumentType;
  jobId: string;
  itemIds: readonly string[];
  languages: readonly string[];
  number: string | null;
  issuedOn: string | null;
  authorizedBy: DocumentModel['authorizedBy'];
  supersedes: DocumentModel['supersedes'];
}

/** The summaries of the released results of `itemIds` (all items when null) of a job. */
async function summariesOf(db: Db, job: JobView, itemIds: readonly string[] | null) {
  const released = await releasedResultsOf(db, job.id);
  const results = released.results.filter((r) => !itemIds || itemIds.includes(r.itemId));
  const evaluations = await reportedEvaluations(
    db,
    results.map((r) => r.id),
  );
  const methods = new Map<string, NonNullable<Awaited<ReturnType<typeof methodVersionBrief>>>>();
  for (const id of new Set(results.map((r) => r.methodVersionId))) methods.set(id, (await methodVersionBrief(db, id))!);
  const summaries: ResultSummary[] = results.map((r) => {
    const item = job.items.find((i) => i.id === r.itemId)!;
    const c = item.characteristics.find((x) => x.id === r.characteristicId) ?? null;
    const method = methods.get(r.methodVersionId)!;
    return summarizeResult(
      {
        result: { ...r, measuredAt: r.measuredAt.toISOString() },
        readings: released.readings.filter((x) => x.resultId === r.id).sort((a, b) => a.repeatNo - b.repeatNo),
        characteristic: c && { id: c.id, identifier: c.identifier, type: c.type, nominal: c.nominal, unit: c.unit, limits: toleranceLimits(c.nominal, c.tolerance), tolerance: toleranceText(c.tolerance) },
        method: { code: method.code, accredited: method.accredited },
        evaluation: evaluations.get(r.id) ?? null,
        mpe: item.instrument?.mpe ?? null,
        decisionRule: job.contractReview?.decisionRule ?? null,
        inspection: item.instrument?.service === 'inspection',
      },
      convertQuantity,
      meanInUnit,
    );
  });
  return { summaries, results, equipment: released.equipment, methods };
}

type Characteristic = JobView['items'][number]['characteristics'][number];

/** The tolerance as drawn: `±0.05`, `+0.021/0`, `24.98…25.02`, `⌀ 0.01` style zone. */
function toleranceText(t: Characteristic['tolerance']): string {
  switch (t.kind) {
    case 'symmetric':
      return `±${t.value}`;
    case 'deviations':
      return `${t.upper.startsWith('-') ? '' : '+'}${t.upper}/${t.lower.startsWith('-') || t.lower === '0' ? '' : '+'}${t.lower}`;
    case 'limits':
      return `${t.lower}…${t.upper}`;
    case 'geometric':
      return t.value;
  }
}

/** The traceability of every item of equipment used, each as of the last day it was used for these results. */
async function traceabilityOf(db: Db, equipment: { resultId: string; equipmentId: string }[], days: Map<string, string>): Promise<TraceabilityRecord[]> {
  const last = new Map<string, string>();
  for (const { resultId, equipmentId } of equipment) {
    const day = days.get(resultId);
    if (day && (last.get(equipmentId) ?? '') < day) last.set(equipmentId, day);
  }
  const records: TraceabilityRecord[] = [];
  for (const [equipmentId, asOf] of [...last.entries()].sort()) {
    const chain = await getTraceability(db, equipmentId, asOf);
    records.push({
      equipmentCode: chain.equipment.code ?? '',
      equipmentName: chain.equipment.name ?? '',
      asOf,
      links: chain.links.map((l) => ({ equipmentCode: l.equipment.code, equipmentName: l.equipment.name, certificateNumber: l.certificateNumber, calibratedOn: l.calibratedOn, calibratedBy: l.calibratedBy })),
      terminatesAt: chain.terminatesAt,
    });
  }
  return records.sort((a, b) => a.equipmentCode.localeCompare(b.equipmentCode));
}

/** The company's and the lab's values side by side, and the drift of the machine tools that machined the pieces. */
async function referenceFacts(db: Db, actor: Actor, job: JobView, itemIds: readonly string[]): Promise<{ comparison: ComparisonRow[]; drift: DriftRow[] }> {
  const { rows } = await getComparison(db, actor, job.id);
  const comparison = rows
    .filter((r) => itemIds.includes(r.itemId) && r.company?.value && r.lab?.value)
    .map((r) => ({
      itemId: r.itemId,
      identifier: r.identifier,
      unit: r.unit,
      companyValue: r.company!.value!,
      companyUncertainty: r.company!.expandedUncertainty,
      labValue: r.lab!.value!,
      labUncertainty: r.lab!.expandedUncertainty ?? '',
      difference: 'difference' in r ? (r.difference as string) : '',
      en: r.en ?? null,
      zeta: r.zeta ?? null,
      verdict: r.verdict ?? null,
    }));
  const drift: DriftRow[] = [];
  const tools = new Set(job.items.filter((i) => itemIds.includes(i.id)).map((i) => i.referencePiece?.machineToolId).filter((x): x is string => Boolean(x)));
  for (const toolId of tools) {
    const trend = await getMachineToolTrend(db, actor, toolId);
    for (const series of trend.series) {
      for (const c of series.characteristics) {
        drift.push({ machineTool: trend.machineTool.name, identifier: c.identifier, unit: c.unit, driftPerYear: c.analysis.trend?.driftPerYear ?? null, driftUncertainty: c.analysis.trend?.driftStandardUncertainty ?? null, points: c.analysis.n });
      }
    }
  }
  return { comparison, drift };
}

/**
 * Reads the facts of a document and builds its model; also answers the job and the method versions
 * of the results it read them from (issuing checks the signer's authorizations against those).
 */
export async function documentModel(db: Db, actor: Actor, frame: DocumentFrame, accreditationNumber: string | null) {
  const job = await getJob(db, actor, frame.jobId);
  const company = await getCompany(db, actor, job.companyId);
  const { summaries, results, equipment, methods } = await summariesOf(db, job, frame.itemIds);
  const days = new Map(results.map((r) => [r.id, todayInFinland(r.measuredAt)]));
  const reference = frame.type === 'reference_measurement_report' ? await referenceFacts(db, actor, job, frame.itemIds) : null;
  const { name, address } = lab();
  const model: DocumentModel = buildDocumentModel({
    type: frame.type,
    languages: frame.languages,
    number: frame.number,
    issuedOn: frame.issuedOn,
    laboratory: { name, unit: translator('fi', 'common')('lab.unit'), address, accreditationNumber },
    customer: { name: company.name, businessId: company.businessId, streetAddress: company.streetAddress, postalCode: company.postalCode, city: company.city, country: company.country },
    job: {
      id: job.id,
      number: job.number,
      customerReference: job.customerReference,
      receivedOn: job.receipt?.receivedOn ?? null,
      receiptCondition: job.receipt?.condition ?? null,
      receiptRemarks: job.receipt?.remarks ?? null,
      decisionRule: job.contractReview?.decisionRule ?? null,
      decisionRuleNotes: job.contractReview?.decisionRuleNotes ?? null,
    },
    items: job.items
      .filter((i) => frame.itemIds.includes(i.id))
      .map((i) => ({
        id: i.id,
        lineNo: i.lineNo,
        description: i.description,
        serialNumber: i.instrument?.serialNumber ?? i.referencePiece?.serialNumber ?? null,
        instrument: i.instrument && {
          type: i.instrument.type,
          manufacturer: i.instrument.manufacturer ?? null,
          model: i.instrument.model ?? null,
          serialNumber: i.instrument.serialNumber ?? null,
          range: i.instrument.measuringRange,
          resolution: i.instrument.resolution ?? null,
          mpe: i.instrument.mpe ?? null,
          service: i.instrument.service,
        },
      })),
    summaries,
    methods: [...methods.values()].map((m) => ({ code: m.code, title: m.title, version: m.versionNumber, accredited: m.accredited })).sort((a, b) => a.code.localeCompare(b.code)),
    traceability: await traceabilityOf(db, equipment.filter((e) => results.some((r) => r.id === e.resultId)), days),
    comparison: reference?.comparison ?? null,
    drift: reference?.drift ?? null,
    authorizedBy: frame.authorizedBy,
    supersedes: frame.supersedes,
    measurementDays: days,
  });
  return { model, job, methods };
}

/** The summaries of a job's released current results by result id, for the customer's view of its results. */
export async function resultSummariesOfJob(db: Db, jobId: string): Promise<Map<string, ResultSummary>> {
  const job = await getJob(db, systemActor(), jobId);
  const { summaries } = await summariesOf(db, job, null);
  return new Map(summaries.map((s) => [s.resultId, s]));
}
