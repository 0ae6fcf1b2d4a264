import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { sha256Hex } from '../../shared/canonical-json.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { recordAudits } from '../audit/index.js';
import { findEquipmentByCode } from '../equipment/index.js';
import { findJobContent, findJobItem, type JobContentLookup, type JobItemLookup } from '../jobs/index.js';
import { CSV_COLUMN_NAMES } from './domain/csv-plan.js';
import { findItem, isUuid, placeProblems, problemAt, sortProblems, type ColumnNames, type DraftResult, type ImportDefaults, type ImportItem, type ImportProblem } from './domain/import-plan.js';
import { QIF_COLUMN_NAMES } from './domain/qif-plan.js';
import type { ImportFormat, ResultsFileReader } from './results-import-reader.js';
import { CheckLookups, checkResult, newResult, type CheckedResult } from './result-recording.js';
import { presentItemResults, type ResultView } from './results.presenter.js';
import * as repo from './results.repository.js';
import { RECORDERS } from './results.service.js';

export type { ImportFormat };
export interface ImportOptions extends ImportDefaults {
  dryRun?: boolean;
}

const COLUMNS: Record<ImportFormat, ColumnNames> = { csv: CSV_COLUMN_NAMES, qif: QIF_COLUMN_NAMES };

const refused = (problems: readonly ImportProblem[]): DomainError => {
  const sorted = sortProblems(problems);
  const places = new Set(sorted.map((p) => p.line ?? p.measurementId ?? 'file')).size;
  return new DomainError('LIMS_RESULT_IMPORT_REFUSED', `The file has ${sorted.length} problem(s) in ${places} place(s); nothing was imported. Fix every problem listed in details.problems and send the whole file again.`, { problems: sorted });
};

/** The refusal of a file whose bytes are not UTF-8 text, naming the first such line. */
export const notUtf8 = (format: ImportFormat, line: number): DomainError =>
  refused([problemAt(format === 'csv' ? { line } : null, null, 'LIMS_RESULT_IMPORT_MALFORMED', `Line ${line} is not UTF-8 text; save the file as UTF-8 (Excel: "CSV UTF-8").`)]);

const importItems = (content: JobContentLookup): ImportItem[] =>
  content.items.map((i) => ({ id: i.id, lineNo: i.lineNo, description: i.description, instrument: i.instrument, characteristics: i.characteristics.map((c) => ({ id: c.id, identifier: c.identifier, qifId: c.qifId })) }));

/** What the plan of a file depends on: the job's items and their characteristics, by id. */
const itemsKey = (items: readonly ImportItem[]): string => items.map((i) => `${i.id}:${i.lineNo}:${i.characteristics.map((c) => `${c.id}=${c.identifier}=${c.qifId ?? ''}`).join(',')}`).join(';');

/** Replaces equipment codes by ids; a code the register does not have is a problem of each result naming it. */
async function resolveEquipment(tx: Db, drafts: DraftResult[], columns: ColumnNames): Promise<ImportProblem[]> {
  const column = columns.equipment;
  const perRow = !columns.fileLevel?.includes(column);
  const codes = [...new Set(drafts.flatMap((d) => d.input.equipmentIds).filter((ref) => !isUuid(ref)))];
  const ids = new Map<string, string>();
  for (const code of codes) {
    const found = await findEquipmentByCode(tx, code);
    if (found) ids.set(code, found.id);
  }
  const problems: ImportProblem[] = [];
  for (const d of drafts) {
    for (const ref of d.input.equipmentIds.filter((r) => !isUuid(r) && !ids.has(r))) {
      problems.push(problemAt(perRow ? d.refs[0]! : null, column, 'LIMS_RESULT_IMPORT_UNMATCHED', `The equipment register has no item with code "${ref}"; give its code exactly as registered, or its id.`));
    }
    // Codes not in the register are reported above and left out, so that only ids reach the checks.
    d.input.equipmentIds = [...new Set(d.input.equipmentIds.flatMap((ref) => (isUuid(ref) ? [ref] : ids.has(ref) ? [ids.get(ref)!] : [])))];
  }
  return problems;
}

interface Checked {
  draft: DraftResult;
  found: JobItemLookup;
  checked: CheckedResult;
}

/** Runs the rules of a result over every draft, with the items' locks and releases; returns the checked drafts and the problems. */
async function checkDrafts(tx: Db, actor: Actor, drafts: DraftResult[], columns: ColumnNames): Promise<{ checked: Checked[]; problems: ImportProblem[] }> {
  const lookups = new CheckLookups(tx, actor);
  const items = new Map<string, { found: JobItemLookup; released: boolean }>();
  const checked: Checked[] = [];
  const problems: ImportProblem[] = [];
  for (const draft of drafts) {
    let item = items.get(draft.itemId);
    if (!item) {
      item = { found: (await findJobItem(tx, undefined, draft.itemId, true))!, released: (await repo.findRelease(tx, draft.itemId)) !== null };
      items.set(draft.itemId, item);
    }
    if (item.released) problems.push(problemAt(draft.refs[0]!, columns.item, 'LIMS_RESULT_RELEASED', `The results of item ${item.found.item.lineNo} are released and locked; a released item takes no more results.`));
    const result = await checkResult(lookups, item.found, draft.input);
    for (const problem of placeProblems(draft, result.problems, columns)) problems.push(problem);
    checked.push({ draft, found: item.found, checked: result });
  }
  return { checked, problems };
}

const sourceOf = (draft: DraftResult) => draft.refs.filter((r, i) => draft.refs.indexOf(r) === i);

/** What an import answers: the results it planned (with the rows they came from) and, unless a dry run, the results it created. */
export interface ImportView {
  format: ImportFormat;
  dryRun: boolean;
  planned: { source: DraftResult['refs']; itemId: string; characteristicId: string | null; calibrationPoint: { nominal: string; unit: string } | null; measuredAt: string; readings: { value: string; unit: string }[] }[];
  results: ResultView[];
}

/**
 * Imports a file of results into a job, all or nothing: every row is mapped to a job item's
 * characteristic or calibration point and checked by the same rules as single logging; if any row
 * has a problem the whole file is refused with every problem (line or QIF measurement, column,
 * reason, code) and nothing is written. Otherwise all results are written in one transaction, each
 * with its own audit event plus one event for the import. A dry run checks and answers without writing.
 * The file is read and mapped to the job's items in a worker thread (`reader`), within the import's
 * limits, before the transaction; a QIF file that is not QIF 3 XML is refused with the qif module's code.
 */
export async function importResults(db: Db, reader: ResultsFileReader, actor: Actor, jobId: string, format: ImportFormat, text: string, options: ImportOptions): Promise<ImportView> {
  if (!RECORDERS.includes(actor.role)) throw forbidden(`A ${actor.role} may not import results.`);
  const columns = COLUMNS[format];
  const before = await findJobContent(db, undefined, jobId);
  if (!before) throw notFound('Job', jobId);
  const { dryRun: _dryRun, ...defaults } = options;
  const planned = await reader.plan(format, text, importItems(before), defaults);
  const created = await db.transaction(async (tx) => {
    const content = await findJobContent(tx, undefined, jobId);
    if (!content) throw notFound('Job', jobId);
    const first = content.items[0] && (await findJobItem(tx, undefined, content.items[0].id, true));
    const status = first ? first.job.status : content.job.status;
    if (status !== 'in_measurement') {
      throw new DomainError('LIMS_RESULT_JOB_NOT_IN_MEASUREMENT', `Job ${content.job.number} is ${status}; results are imported while it is in measurement.`, { jobId, status });
    }
    const items = importItems(content);
    if (options.item !== undefined && !findItem(items, options.item)) {
      throw refused([problemAt(null, 'item', 'LIMS_RESULT_IMPORT_UNMATCHED', `The job has no item "${options.item}"; give the item's line number (1..${items.length}) or id.`)]);
    }
    // Items and characteristics are fixed once a job is accepted, so this holds unless the job was still being edited when the file was read.
    if (itemsKey(items) !== itemsKey(importItems(before))) {
      throw new DomainError('LIMS_CONFLICT', `The items of job ${content.job.number} changed while the file was read; send the file again.`, { jobId });
    }
    const problems = [...planned.problems, ...(await resolveEquipment(tx, planned.drafts, columns))];
    const { checked, problems: ruleProblems } = await checkDrafts(tx, actor, planned.drafts, columns);
    for (const problem of ruleProblems) problems.push(problem);
    if (problems.length > 0) throw refused(problems);
    if (options.dryRun) return { checked, ids: [] };

    const rows = await repo.insertResults(tx, checked.map(({ found, draft, checked: result }) => newResult(actor, found, draft.input, result)));
    const ids = rows.map((r) => r.id);
    await recordAudits(tx, actor, [
      ...checked.map(({ draft }, i) => ({ action: 'result.record', entityType: 'result', entityId: ids[i]!, after: { ...draft.input, itemId: draft.itemId, import: { format, source: sourceOf(draft) } } })),
      { action: 'result.import', entityType: 'job', entityId: jobId, after: { format, fileSha256: sha256Hex(text), resultIds: ids } },
    ]);
    return { checked, ids };
  });
  return {
    format,
    dryRun: options.dryRun === true,
    planned: created.checked.map(({ draft }) => ({
      source: sourceOf(draft),
      itemId: draft.itemId,
      characteristicId: draft.input.characteristicId ?? null,
      calibrationPoint: draft.input.calibrationPoint ?? null,
      measuredAt: draft.input.measuredAt,
      readings: draft.input.readings,
    })),
    results: await presentCreated(db, created.checked, created.ids),
  };
}

async function presentCreated(db: Db, checked: Checked[], ids: string[]): Promise<ResultView[]> {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  const views = new Map<string, ResultView>();
  for (const itemId of new Set(checked.map((c) => c.draft.itemId))) {
    for (const view of (await presentItemResults(db, itemId)).items) if (wanted.has(view.id)) views.set(view.id, view);
  }
  return ids.map((id) => views.get(id)!);
}
