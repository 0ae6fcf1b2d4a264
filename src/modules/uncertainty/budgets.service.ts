/**
 * Uncertainty budget templates with versions: a draft is edited and validated on every save; a
 * release makes it immutable and supersedes the previous release. Every change is audited.
 */
import type { Db } from '../../db/database.js';
import type { Actor, Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './budgets.repository.js';
import type { BudgetRow, BudgetVersionRow } from './budgets.repository.js';
import { validateBudgetContent, type BudgetContent } from './domain/index.js';

export const BUDGET_KEEPERS: readonly Role[] = ['admin', 'quality_manager'];

/** The content of a version as the API takes it, with an optional note on what changed. */
export type VersionInput = Partial<BudgetContent> & { changeNote?: string | null };

const requireKeeper = (actor: Actor): void => {
  if (!BUDGET_KEEPERS.includes(actor.role)) throw forbidden(`A ${actor.role} may not change uncertainty budgets.`);
};

/** The API shape of a version; `superseded` is derived from a later release. */
export function presentVersion(budget: BudgetRow, v: BudgetVersionRow, all: readonly BudgetVersionRow[]) {
  const later = all.filter((o) => o.budgetId === v.budgetId && o.status === 'released' && o.versionNumber > v.versionNumber).sort((a, b) => a.versionNumber - b.versionNumber)[0];
  const { model, output, inputs, correlations, coverageProbability } = v.content;
  return {
    id: v.id,
    budgetId: v.budgetId,
    code: budget.code,
    versionNumber: v.versionNumber,
    state: v.status === 'draft' ? 'draft' : later ? 'superseded' : 'released',
    supersededById: v.status === 'released' ? (later?.id ?? null) : null,
    model,
    output,
    inputs,
    correlations: correlations ?? [],
    coverageProbability: coverageProbability ?? null,
    warnings: v.warnings,
    changeNote: v.changeNote,
    releasedAt: v.releasedAt,
    releasedBy: v.releasedBy,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
  };
}
export type BudgetVersionView = ReturnType<typeof presentVersion>;

const presentBudget = (b: BudgetRow, versions: readonly BudgetVersionRow[]) => ({
  id: b.id,
  code: b.code,
  title: b.title,
  createdAt: b.createdAt,
  versions: versions.filter((v) => v.budgetId === b.id).map((v) => presentVersion(b, v, versions)),
});
export type BudgetView = ReturnType<typeof presentBudget>;

/** The content of `input` over `base`, validated: the stored content and the validation's warnings. */
function contentOf(input: VersionInput, base?: BudgetContent): { content: BudgetContent; warnings: string[] } {
  const merged = {
    model: input.model ?? base?.model,
    output: input.output ?? base?.output,
    inputs: input.inputs ?? base?.inputs,
    correlations: input.correlations ?? base?.correlations ?? [],
    ...((input.coverageProbability ?? base?.coverageProbability) !== undefined ? { coverageProbability: input.coverageProbability ?? base?.coverageProbability } : {}),
  };
  if (merged.model === undefined || merged.output === undefined || merged.inputs === undefined) {
    throw new DomainError('LIMS_BUDGET_INVALID', 'A budget needs a model, an output and inputs.');
  }
  const content = merged as BudgetContent;
  return { content, warnings: validateBudgetContent(content).warnings };
}

/** Creates a budget with its first (draft) version; the code is unique. */
export async function createBudget(db: Db, actor: Actor, input: BudgetContent & { code: string; title: string; changeNote?: string | null }): Promise<BudgetView> {
  requireKeeper(actor);
  const { code, title, changeNote, ...rest } = input;
  const { content, warnings } = contentOf(rest);
  return db.transaction(async (tx) => {
    if (await repo.findBudgetByCode(tx, code)) throw new DomainError('LIMS_BUDGET_CODE_TAKEN', `Budget ${code} already exists; add a version to it instead.`, { code });
    const budget = await repo.insertBudget(tx, { code, title, createdBy: actor.userId });
    const version = await repo.insertVersion(tx, { budgetId: budget.id, versionNumber: 1, content, warnings, changeNote: changeNote ?? null, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'uncertainty_budget.create', entityType: 'uncertainty_budget', entityId: budget.id, after: { budget, version } });
    return presentBudget(budget, [version]);
  });
}

async function lockedBudget(tx: Db, budgetId: string): Promise<{ budget: BudgetRow; versions: BudgetVersionRow[] }> {
  const budget = await repo.findBudget(tx, budgetId, true);
  if (!budget) throw notFound('Uncertainty budget', budgetId);
  return { budget, versions: await repo.listVersions(tx, budgetId) };
}

function draftOf(versions: readonly BudgetVersionRow[], versionId: string): BudgetVersionRow {
  const version = versions.find((v) => v.id === versionId);
  if (!version) throw notFound('Uncertainty budget version', versionId);
  if (version.status === 'released') {
    throw new DomainError('LIMS_BUDGET_VERSION_RELEASED', `Version ${version.versionNumber} is released and cannot be changed; start a new version.`, { versionId });
  }
  return version;
}

/** Starts a new draft from the latest version, with the changes given. */
export async function createVersion(db: Db, actor: Actor, budgetId: string, input: VersionInput): Promise<BudgetVersionView> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    const { budget, versions } = await lockedBudget(tx, budgetId);
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) throw new DomainError('LIMS_BUDGET_DRAFT_EXISTS', `Version ${draft.versionNumber} is still a draft; edit or release it first.`, { versionId: draft.id });
    const latest = versions[versions.length - 1]!;
    const { content, warnings } = contentOf(input, latest.content);
    const row = await repo.insertVersion(tx, { budgetId, versionNumber: latest.versionNumber + 1, content, warnings, changeNote: input.changeNote ?? null, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'uncertainty_budget.version.create', entityType: 'uncertainty_budget_version', entityId: row.id, after: row });
    return presentVersion(budget, row, [...versions, row]);
  });
}

/** Edits a draft version, validating the result; released versions are immutable (409). */
export async function updateDraft(db: Db, actor: Actor, budgetId: string, versionId: string, input: VersionInput): Promise<BudgetVersionView> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    const { budget, versions } = await lockedBudget(tx, budgetId);
    const before = draftOf(versions, versionId);
    const { content, warnings } = contentOf(input, before.content);
    const after = await repo.updateVersion(tx, versionId, { content, warnings, ...(input.changeNote !== undefined ? { changeNote: input.changeNote } : {}) });
    await recordAudit(tx, actor, { action: 'uncertainty_budget.version.update', entityType: 'uncertainty_budget_version', entityId: versionId, before, after });
    return presentVersion(budget, after, versions.map((v) => (v.id === versionId ? after : v)));
  });
}

/** Releases a draft: from then on it is immutable, and it supersedes the previous release. */
export async function releaseVersion(db: Db, actor: Actor, budgetId: string, versionId: string): Promise<BudgetVersionView> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    const { budget, versions } = await lockedBudget(tx, budgetId);
    const before = draftOf(versions, versionId);
    const after = await repo.updateVersion(tx, versionId, { status: 'released', releasedAt: new Date(), releasedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'uncertainty_budget.version.release', entityType: 'uncertainty_budget_version', entityId: versionId, before, after });
    return presentVersion(budget, after, versions.map((v) => (v.id === versionId ? after : v)));
  });
}

export async function getBudgets(db: Db): Promise<BudgetView[]> {
  const versions = await repo.listVersions(db);
  return (await repo.listBudgets(db)).map((b) => presentBudget(b, versions));
}

export async function getBudget(db: Db, id: string): Promise<BudgetView> {
  const budget = await repo.findBudget(db, id);
  if (!budget) throw notFound('Uncertainty budget', id);
  return presentBudget(budget, await repo.listVersions(db, id));
}

/** A version with its budget, for evaluation; null when it does not exist. */
export async function findBudgetVersion(db: Db, versionId: string): Promise<{ budget: BudgetRow; version: BudgetVersionRow } | null> {
  const version = await repo.findVersion(db, versionId);
  const budget = version && (await repo.findBudget(db, version.budgetId));
  return version && budget ? { budget, version } : null;
}

/**
 * The latest released version of the budget with `code`, as a method version names it.
 * @throws DomainError LIMS_BUDGET_NOT_RELEASED when there is no such budget or no released version.
 */
export async function latestReleased(db: Db, code: string): Promise<{ budget: BudgetRow; version: BudgetVersionRow }> {
  const budget = await repo.findBudgetByCode(db, code);
  const released = budget ? (await repo.listVersions(db, budget.id)).filter((v) => v.status === 'released') : [];
  const version = released[released.length - 1];
  if (!budget || !version) {
    throw new DomainError('LIMS_BUDGET_NOT_RELEASED', budget ? `Budget ${code} has no released version; a quality manager must release one first.` : `No uncertainty budget has the code ${code} that the method version names; create and release it, or correct the method version.`, { code });
  }
  return { budget, version };
}
