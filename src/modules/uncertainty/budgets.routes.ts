import type { FastifyInstance } from 'fastify';
import { idParams } from '../../http/common-schemas.js';
import { actorOf } from '../../http/context.js';
import { STAFF_ROLES } from '../../shared/actor.js';
import { abortOnDisconnect } from './abort-on-disconnect.js';
import { EVALUATORS, evaluateForResult, getEvaluation, listEvaluations, rerunEvaluation, type EvaluateInput } from './budget-evaluations.service.js';
import * as s from './budgets.schemas.js';
import { BUDGET_KEEPERS, createBudget, createVersion, getBudget, getBudgets, releaseVersion, updateDraft, type VersionInput } from './budgets.service.js';
import type { BudgetContent } from './domain/index.js';
import type { EvaluationPool } from './evaluation-pool.js';
import { discriminatedValidator } from './one-of-errors.js';


const tags = ['Uncertainty budgets'];
type Id = { Params: { id: string } };
type VersionId = { Params: { id: string; versionId: string } };

/**
 * Stored, versioned uncertainty budgets and their evaluations for logged results. Staff only:
 * budgets are the laboratory's working material; customers see the reported uncertainty on
 * certificates. Auditors read and re-run; quality managers and admins keep the budgets; those who
 * record results evaluate them.
 */
export async function budgetRoutes(app: FastifyInstance, pool: EvaluationPool): Promise<void> {
  const { db } = app.lims;
  const read = { roles: STAFF_ROLES };
  const write = { roles: BUDGET_KEEPERS };
  const validatorCompiler = discriminatedValidator(app);

  app.post<{ Body: BudgetContent & { code: string; title: string; changeNote?: string | null } }>('/uncertainty-budgets', {
    config: write,
    validatorCompiler,
    schema: { tags, summary: 'Create a budget with its first (draft) version; the model is checked against the inputs (undeclared names 422, unused inputs warned)', body: s.createBudgetBody, response: { 201: s.budgetSchema } },
    handler: async (request, reply) => reply.code(201).send(await createBudget(db, actorOf(request), request.body)),
  });

  app.get('/uncertainty-budgets', {
    config: read,
    schema: { tags, summary: 'Budgets with all their versions', response: { 200: s.budgetList } },
    handler: async () => ({ items: await getBudgets(db) }),
  });

  app.get<Id>('/uncertainty-budgets/:id', {
    config: read,
    schema: { tags, summary: 'A budget with all its versions', params: idParams, response: { 200: s.budgetSchema } },
    handler: async (request) => getBudget(db, request.params.id),
  });

  app.post<Id & { Body: VersionInput }>('/uncertainty-budgets/:id/versions', {
    config: write,
    validatorCompiler,
    schema: { tags, summary: 'Start a new draft version from the latest one, with the changes given', params: idParams, body: s.versionBody, response: { 201: s.versionSchema } },
    handler: async (request, reply) => reply.code(201).send(await createVersion(db, actorOf(request), request.params.id, request.body ?? {})),
  });

  app.patch<VersionId & { Body: VersionInput }>('/uncertainty-budgets/:id/versions/:versionId', {
    config: write,
    validatorCompiler,
    schema: { tags, summary: 'Edit a draft version (released versions are immutable)', params: s.versionParams, body: s.updateDraftBody, response: { 200: s.versionSchema } },
    handler: async (request) => updateDraft(db, actorOf(request), request.params.id, request.params.versionId, request.body),
  });

  app.post<VersionId>('/uncertainty-budgets/:id/versions/:versionId/release', {
    config: write,
    schema: { tags, summary: 'Release a draft version: immutable from now on, it supersedes the previous release', params: s.versionParams, body: s.releaseBody, response: { 200: s.versionSchema } },
    handler: async (request) => releaseVersion(db, actorOf(request), request.params.id, request.params.versionId),
  });

  app.post<Id & { Body: EvaluateInput }>('/results/:id/uncertainty-evaluations', {
    config: { roles: EVALUATORS },
    schema: {
      tags,
      summary: "Evaluate a budget for a logged result and store the evaluation (inputs resolved from the readings, the equipment's calibration, the environment and the nominal)",
      description:
        "Refused for a corrected result, for a released (locked) item, when the method version names no budget or it has no released version, and when an input cannot be resolved (named). " +
        "With a tolerance on the characteristic and a decision rule on the job, the conformity decision is stored too (from the Monte Carlo sample when one is run).",
      params: idParams,
      body: s.evaluateBody,
      response: { 201: s.evaluationSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await evaluateForResult(db, pool, actorOf(request), request.params.id, request.body ?? {}, abortOnDisconnect(reply))),
  });

  app.get<Id>('/results/:id/uncertainty-evaluations', {
    config: read,
    schema: { tags, summary: "A result's stored uncertainty evaluations, oldest first", params: idParams, response: { 200: s.evaluationList } },
    handler: async (request) => ({ items: await listEvaluations(db, request.params.id) }),
  });

  app.get<Id>('/uncertainty-evaluations/:id', {
    config: read,
    schema: { tags, summary: 'A stored uncertainty evaluation: the request as run, the inputs used, the outputs and the conformity decision', params: idParams, response: { 200: s.evaluationSchema } },
    handler: async (request) => getEvaluation(db, request.params.id),
  });

  app.post<Id>('/uncertainty-evaluations/:id/rerun', {
    config: read,
    schema: { tags, summary: 'Re-run a stored evaluation with the current engine and say whether the outputs are identical (and which differ); nothing is stored', params: idParams, response: { 200: s.rerunSchema } },
    handler: async (request, reply) => rerunEvaluation(db, pool, request.params.id, abortOnDisconnect(reply)),
  });
}
