import type { Db } from '../../db/database.js';
import type { Actor, Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import { limitsOf, versionProblems, type CmcEntry, type EnvironmentLimits } from './domain/method-rules.js';
import * as repo from './methods.repository.js';
import type { MethodRow, VersionRow, VersionValues } from './methods.repository.js';

export const METHOD_KEEPERS: readonly Role[] = ['admin', 'quality_manager'];

export interface VersionInput {
  title?: string;
  scope?: string;
  accredited?: boolean;
  cmcText?: string | null;
  cmcEntries?: CmcEntry[];
  environment?: { temperature?: { nominal: string; tolerance: string } | null; humidity?: { min: string; max: string } | null };
  requiredEquipmentTypes?: string[];
  uncertaintyBudgetTemplateId?: string | null;
  changeNote?: string | null;
}

const requireKeeper = (actor: Actor) => {
  if (!METHOD_KEEPERS.includes(actor.role)) throw forbidden(`A ${actor.role} may not change methods.`);
};

/** The API shape of a version; `state` superseded is derived from a later release. */
export function presentVersion(v: VersionRow, all: readonly VersionRow[]) {
  const later = all.filter((o) => o.methodId === v.methodId && o.status === 'released' && o.versionNumber > v.versionNumber).sort((a, b) => a.versionNumber - b.versionNumber)[0];
  const limits: EnvironmentLimits = limitsOf(v);
  return {
    id: v.id,
    methodId: v.methodId,
    versionNumber: v.versionNumber,
    state: v.status === 'draft' ? 'draft' : later ? 'superseded' : 'released',
    supersededById: v.status === 'released' ? (later?.id ?? null) : null,
    title: v.title,
    scope: v.scope,
    accredited: v.accredited,
    cmcText: v.cmcText,
    cmcEntries: v.cmcEntries,
    environment: limits,
    requiredEquipmentTypes: v.requiredEquipmentTypes,
    uncertaintyBudgetTemplateId: v.uncertaintyBudgetTemplateId,
    changeNote: v.changeNote,
    effectiveFrom: v.effectiveFrom,
    releasedAt: v.releasedAt,
    releasedBy: v.releasedBy,
    createdAt: v.createdAt,
  };
}
export type VersionView = ReturnType<typeof presentVersion>;

const presentMethod = (m: MethodRow, versions: readonly VersionRow[]) => ({
  id: m.id,
  code: m.code,
  createdAt: m.createdAt,
  versions: versions.filter((v) => v.methodId === m.id).map((v) => presentVersion(v, versions)),
});
export type MethodView = ReturnType<typeof presentMethod>;

/** Column values of a version from API input, on top of `base` (the previous version when there is one). */
function contentOf(input: VersionInput, base: Partial<VersionValues>): Omit<VersionValues, 'methodId' | 'versionNumber' | 'createdBy'> {
  const env = input.environment;
  const t = env?.temperature === undefined ? undefined : env.temperature;
  const h = env?.humidity === undefined ? undefined : env.humidity;
  const v = {
    title: input.title ?? base.title ?? '',
    scope: input.scope ?? base.scope ?? '',
    accredited: input.accredited ?? base.accredited ?? false,
    cmcText: input.cmcText !== undefined ? input.cmcText : (base.cmcText ?? null),
    cmcEntries: input.cmcEntries ?? base.cmcEntries ?? [],
    temperatureNominal: t === undefined ? (base.temperatureNominal ?? null) : (t?.nominal ?? null),
    temperatureTolerance: t === undefined ? (base.temperatureTolerance ?? null) : (t?.tolerance ?? null),
    humidityMin: h === undefined ? (base.humidityMin ?? null) : (h?.min ?? null),
    humidityMax: h === undefined ? (base.humidityMax ?? null) : (h?.max ?? null),
    requiredEquipmentTypes: input.requiredEquipmentTypes ?? base.requiredEquipmentTypes ?? [],
    uncertaintyBudgetTemplateId: input.uncertaintyBudgetTemplateId !== undefined ? input.uncertaintyBudgetTemplateId : (base.uncertaintyBudgetTemplateId ?? null),
    changeNote: input.changeNote !== undefined ? input.changeNote : null,
  };
  const problems = versionProblems(v);
  if (!v.title || !v.scope) problems.unshift('a version needs a title and a scope');
  if (problems.length) throw new DomainError('LIMS_METHOD_VERSION_INVALID', `The method version is not valid: ${problems.join('; ')}.`, { problems });
  return v;
}

/** Creates a method with its first version as a draft. */
export async function createMethod(db: Db, actor: Actor, input: VersionInput & { code: string }): Promise<MethodView> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    if (await repo.findMethodByCode(tx, input.code)) throw new DomainError('LIMS_METHOD_CODE_TAKEN', `Method ${input.code} already exists.`, { code: input.code });
    const { code, ...content } = input;
    const method = await repo.insertMethod(tx, { code, createdBy: actor.userId });
    const version = await repo.insertVersion(tx, { ...contentOf(content, {}), methodId: method.id, versionNumber: 1, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'method.create', entityType: 'method', entityId: method.id, after: { method, version } });
    return presentMethod(method, [version]);
  });
}

/** Starts a new draft version from the latest version, with the changes given. Only one draft at a time. */
export async function createVersion(db: Db, actor: Actor, methodId: string, input: VersionInput): Promise<VersionView> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    if (!(await repo.findMethod(tx, methodId))) throw notFound('Method', methodId);
    const versions = await repo.listVersions(tx, methodId);
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) throw new DomainError('LIMS_METHOD_DRAFT_EXISTS', `Version ${draft.versionNumber} is still a draft; edit or release it first.`, { versionId: draft.id });
    const latest = versions[versions.length - 1]!;
    const row = await repo.insertVersion(tx, { ...contentOf(input, latest), methodId, versionNumber: latest.versionNumber + 1, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'method.version.create', entityType: 'method_version', entityId: row.id, after: row });
    return presentVersion(row, [...versions, row]);
  });
}

async function draftOf(tx: Db, methodId: string, versionId: string): Promise<{ version: VersionRow; versions: VersionRow[] }> {
  const versions = await repo.listVersions(tx, methodId);
  const version = versions.find((v) => v.id === versionId);
  if (!version) throw notFound('Method version', versionId);
  if (version.status === 'released') throw new DomainError('LIMS_METHOD_VERSION_RELEASED', `Version ${version.versionNumber} is released and cannot be changed; make a new version.`, { versionId });
  return { version, versions };
}

/** Edits a draft version; released versions are immutable (409). */
export async function updateDraft(db: Db, actor: Actor, methodId: string, versionId: string, input: VersionInput): Promise<VersionView> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    const { version, versions } = await draftOf(tx, methodId, versionId);
    const after = await repo.updateVersion(tx, versionId, contentOf(input, version));
    await recordAudit(tx, actor, { action: 'method.version.update', entityType: 'method_version', entityId: versionId, before: version, after });
    return presentVersion(after, versions.map((v) => (v.id === versionId ? after : v)));
  });
}

/** Releases a draft from a day on (default today); from then it is immutable and supersedes the previous release. */
export async function releaseVersion(db: Db, actor: Actor, methodId: string, versionId: string, input: { effectiveFrom?: string }): Promise<VersionView> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    const { version, versions } = await draftOf(tx, methodId, versionId);
    const effectiveFrom = input.effectiveFrom ?? todayInFinland();
    const previous = versions.filter((v) => v.status === 'released').pop();
    if (previous?.effectiveFrom && previous.effectiveFrom > effectiveFrom) {
      throw new DomainError('LIMS_METHOD_VERSION_INVALID', `effectiveFrom ${effectiveFrom} is before version ${previous.versionNumber}'s ${previous.effectiveFrom}.`);
    }
    const after = await repo.updateVersion(tx, versionId, { status: 'released', effectiveFrom, releasedAt: new Date(), releasedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'method.version.release', entityType: 'method_version', entityId: versionId, before: version, after });
    return presentVersion(after, versions.map((v) => (v.id === versionId ? after : v)));
  });
}

export async function getMethods(db: Db): Promise<MethodView[]> {
  const versions = await repo.listVersions(db);
  return (await repo.listMethods(db)).map((m) => presentMethod(m, versions));
}

export async function getMethod(db: Db, id: string): Promise<MethodView> {
  const method = await repo.findMethod(db, id);
  if (!method) throw notFound('Method', id);
  return presentMethod(method, await repo.listVersions(db, id));
}

/** A method version by id (for competence and results logging), or null. */
export async function findMethodVersion(db: Db, versionId: string): Promise<VersionView | null> {
  const version = await repo.findVersion(db, versionId);
  return version ? presentVersion(version, await repo.listVersions(db, version.methodId)) : null;
}

export async function methodExists(db: Db, id: string): Promise<boolean> {
  return (await repo.findMethod(db, id)) !== null;
}

/** A method version as a document names it: the method's code and title, the version number and whether it is accredited. */
export async function methodVersionBrief(db: Db, versionId: string): Promise<{ methodId: string; code: string; title: string; versionNumber: number; accredited: boolean } | null> {
  const version = await repo.findVersion(db, versionId);
  const method = version ? await repo.findMethod(db, version.methodId) : null;
  return version && method ? { methodId: method.id, code: method.code, title: version.title, versionNumber: version.versionNumber, accredited: version.accredited } : null;
}
