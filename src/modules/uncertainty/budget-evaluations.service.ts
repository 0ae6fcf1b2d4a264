/**
 * Evaluating a released uncertainty budget for a logged result: every input is resolved from its
 * source, the engine runs (Monte Carlo in the worker pool), and the complete request, the outputs,
 * the inputs used and, where the characteristic has a tolerance and the job a decision rule, the
 * conformity decision are stored append-only, so that a certificate can show them and an auditor
 * can re-run exactly what was computed.
 */
import type { Db } from '../../db/database.js';
import type { Actor, Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { calibrationAt } from '../equipment/index.js';
import { findCharacteristicSpec, findJobItem } from '../jobs/index.js';
import { findMethodVersion } from '../methods/index.js';
import { findResultForEvaluation, type ResultForEvaluation } from '../results/index.js';
import { conformityPlan, decide, planOf, type StoredConformity } from './budget-conformity.js';
import * as repo from './budgets.repository.js';
import type { BudgetRow, BudgetVersionRow, EvaluationRow } from './budgets.repository.js';
import { findBudgetVersion, latestReleased } from './budgets.service.js';
import { ENGINE_VERSION, outputDifferences, resolveBudget, type EvaluationChoices, type EvaluationRequest, type ResultFacts } from './domain/index.js';
import type { EvaluationPool } from './evaluation-pool.js';
import { evaluateUncertainty, type EvaluationJson } from './uncertainty.service.js';

/** Who may evaluate a budget for a result: those who record results. */
export const EVALUATORS: readonly Role[] = ['admin', 'quality_manager', 'technician'];

export type EvaluateInput = EvaluationChoices & { budgetVersionId?: string };

function presentEvaluation(row: EvaluationRow, budget: BudgetRow, version: BudgetVersionRow) {
  return {
    id: row.id,
    resultId: row.resultId,
    budget: { id: budget.id, code: budget.code, versionId: version.id, versionNumber: version.versionNumber },
    method: row.method,
    request: row.request as EvaluationRequest,
    inputsUsed: row.inputsUsed,
    outputs: row.outputs as EvaluationJson,
    warnings: row.warnings,
    conformity: row.conformity as StoredConformity | null,
    engineVersion: row.engineVersion,
    evaluatedBy: row.evaluatedBy,
    createdAt: row.createdAt,
  };
}
export type EvaluationView = ReturnType<typeof presentEvaluation>;

async function present(db: Db, row: EvaluationRow): Promise<EvaluationView> {
  const found = (await findBudgetVersion(db, row.budgetVersionId))!;
  return presentEvaluation(row, found.budget, found.version);
}

/** Refuses a result that a later one corrected, or whose item's results are released (locked). */
function assertEvaluable(result: ResultForEvaluation): void {
  if (result.correctedById) {
    throw new DomainError('LIMS_EVALUATION_RESULT_CORRECTED', `Result ${result.id} was corrected by ${result.correctedById}; evaluate the current result.`, { resultId: result.id, correctedById: result.correctedById });
  }
  if (result.release) {
    throw new DomainError('LIMS_RESULT_RELEASED', `The results of item ${result.itemId} were released on ${result.release.at.toISOString()} and are locked; an evaluation is part of a result and cannot be added after release.`, { itemId: result.itemId, releaseId: result.release.id });
  }
}

/** The version asked for (released, any age), or the latest release of the budget the method version names. */
async function chooseVersion(db: Db, result: ResultForEvaluation, versionId: string | undefined, warnings: string[]): Promise<{ budget: BudgetRow; version: BudgetVersionRow }> {
  const method = await findMethodVersion(db, result.methodVersionId);
  const named = method?.uncertaintyBudgetTemplateId ?? null;
  if (versionId === undefined) {
    if (!named) {
      throw new DomainError('LIMS_BUDGET_NOT_NAMED', `Method version ${result.methodVersionId} names no uncertainty budget; name one in the method version or give 'budgetVersionId'.`, { methodVersionId: result.methodVersionId });
    }
    return latestReleased(db, named);
  }
  const found = await findBudgetVersion(db, versionId);
  if (!found) throw notFound('Uncertainty budget version', versionId);
  if (found.version.status !== 'released') {
    throw new DomainError('LIMS_BUDGET_NOT_RELEASED', `Version ${found.version.versionNumber} of budget ${found.budget.code} is a draft; only released versions are evaluated for results.`, { versionId });
  }
  if (named !== found.budget.code) warnings.push(`Budget ${found.budget.code} was chosen, not ${named ?? 'none'} that the method version names.`);
  return found;
}

async function factsOf(db: Db, result: ResultForEvaluation): Promise<ResultFacts> {
  const equipment = [];
  for (const id of result.equipmentIds) {
    const { equipment: item, calibration } = await calibrationAt(db, id, result.measuredOn);
    equipment.push({ ...item, calibration });
  }
  let nominal: ResultFacts['nominal'] = result.calibrationPoint ? { value: result.calibrationPoint.nominal, unit: result.calibrationPoint.unit } : null;
  if (result.characteristicId) {
    const spec = await findCharacteristicSpec(db, result.characteristicId);
    nominal = spec?.nominal ? { value: spec.nominal, unit: spec.unit } : null;
  }
  return { measuredOn: result.measuredOn, readings: result.readings, temperature: result.temperature, humidity: result.humidity, nominal, equipment };
}

const requireEvaluator = (actor: Actor): void => {
  if (!EVALUATORS.includes(actor.role)) throw forbidden(`A ${actor.role} may not evaluate uncertainty budgets for results.`);
};

/**
 * Evaluates a budget for a result and stores the evaluation (with its conformity decision when
 * one applies). The engine runs outside any transaction; the result's state is checked again,
 * under the job's lock, before the evaluation is stored.
 * @throws DomainError LIMS_BUDGET_NOT_NAMED, LIMS_BUDGET_NOT_RELEASED, LIMS_EVALUATION_RESULT_CORRECTED,
 *   LIMS_RESULT_RELEASED; BudgetError for inputs that cannot be resolved; the engine's errors.
 */
export async function evaluateForResult(db: Db, pool: EvaluationPool, actor: Actor, resultId: string, input: EvaluateInput, signal?: AbortSignal): Promise<EvaluationView> {
  requireEvaluator(actor);
  const result = await findResultForEvaluation(db, resultId);
  if (!result) throw notFound('Result', resultId);
  assertEvaluable(result);
  const warnings: string[] = [];
  const { budget, version } = await chooseVersion(db, result, input.budgetVersionId, warnings);
  const resolved = resolveBudget(version.content, await factsOf(db, result), input);
  warnings.push(...resolved.warnings);
  const spec = result.characteristicId ? await findCharacteristicSpec(db, result.characteristicId) : null;
  const plan = conformityPlan(spec, version.content.output, warnings);
  const outputs = await evaluateUncertainty(pool, resolved.request, signal, plan?.tolerance);
  // The seed the engine chose is part of what was run: with it the stored request re-runs exactly.
  const request: EvaluationRequest = outputs.mcm ? { ...resolved.request, mcm: { ...resolved.request.mcm, seed: outputs.mcm.seed } } : resolved.request;
  const decision = decide(plan, outputs, warnings);

  const row = await db.transaction(async (tx) => {
    await findJobItem(tx, undefined, result.itemId, true);
    const current = await findResultForEvaluation(tx, resultId);
    assertEvaluable(current!);
    const inserted = await repo.insertEvaluation(tx, {
      resultId,
      budgetVersionId: version.id,
      method: request.method ?? 'gum',
      request,
      inputsUsed: [...resolved.inputsUsed],
      outputs,
      warnings: [...new Set([...warnings, ...outputs.warnings])],
      conformity: decision,
      engineVersion: outputs.engineVersion,
      evaluatedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'uncertainty_evaluation.create',
      entityType: 'uncertainty_evaluation',
      entityId: inserted.id,
      after: { resultId, budgetVersionId: version.id, budgetCode: budget.code, method: inserted.method, engineVersion: inserted.engineVersion, report: { value: outputs.report.value, expandedUncertainty: outputs.report.expandedUncertainty }, decision: decision?.decision ?? null },
    });
    return inserted;
  });
  return presentEvaluation(row, budget, version);
}

/** A result's stored evaluations, oldest first (staff). */
export async function listEvaluations(db: Db, resultId: string): Promise<EvaluationView[]> {
  if (!(await findResultForEvaluation(db, resultId))) throw notFound('Result', resultId);
  const rows = await repo.listResultEvaluations(db, resultId);
  return Promise.all(rows.map((row) => present(db, row)));
}

export async function getEvaluation(db: Db, id: string): Promise<EvaluationView> {
  const row = await repo.findEvaluation(db, id);
  if (!row) throw notFound('Uncertainty evaluation', id);
  return present(db, row);
}

/**
 * Re-runs a stored evaluation's request (and its conformity decision) with the current engine and
 * compares: identical, or the JSON paths that differ. Nothing is stored.
 */
export async function rerunEvaluation(db: Db, pool: EvaluationPool, id: string, signal?: AbortSignal) {
  const stored = await getEvaluation(db, id);
  const plan = stored.conformity ? planOf(stored.conformity) : null;
  const outputs = await evaluateUncertainty(pool, stored.request, signal, plan?.tolerance);
  const conformity = decide(plan, outputs, []);
  const { engineVersion: _stored, ...storedOutputs } = stored.outputs;
  const { engineVersion: _current, ...rerunOutputs } = outputs;
  const differences = [...outputDifferences(storedOutputs, rerunOutputs), ...outputDifferences(stored.conformity, conformity, 'conformity')];
  return { evaluationId: id, identical: differences.length === 0, differences, storedEngineVersion: stored.engineVersion, currentEngineVersion: ENGINE_VERSION, outputs, conformity };
}

/** The request of a stored evaluation, e.g. for a conformity decision from its Monte Carlo sample. */
export async function storedRequest(db: Db, id: string): Promise<EvaluationRequest> {
  const row = await repo.findEvaluation(db, id);
  if (!row) throw notFound('Uncertainty evaluation', id);
  return row.request as EvaluationRequest;
}
