import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES } from '../../shared/actor.js';
import { registerReferencePickSource } from '../jobs/index.js';
import { machineToolCompany } from '../machine-tools/index.js';
import { getTestPieceForPick } from '../test-pieces/index.js';
import { COMPANY_RESULT_WRITERS, correctCompanyResult, listCompanyResults, submitCompanyResult, type CompanyCorrectionInput, type CompanyResultInput } from './company-results.service.js';
import { UNCERTAINTY_STATERS, getComparison, stateLabUncertainty, type StatedUncertaintyInput } from './comparison.service.js';
import * as s from './reference-measurements.schemas.js';
import { getMachineToolTrend } from './trend.service.js';

const tags = ['Reference measurements'];
type Id = { Params: { id: string } };

/**
 * Reference measurements: the company's own results, their comparison with the lab's, and the trend
 * of a machine tool. Registering these routes also plugs the test pieces catalogue and the machine
 * tools into the jobs module's item picking.
 */
export async function referenceMeasurementsRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;
  registerReferencePickSource({ testPiece: getTestPieceForPick, machineToolCompany });

  app.post<Id & { Body: CompanyResultInput }>('/jobs/:id/company-results', {
    config: { roles: COMPANY_RESULT_WRITERS },
    schema: { tags, summary: "Give the company's own result for a characteristic of a reference measurement (until the job is closed)", params: s.idParams, body: s.companyResultBody, response: { 201: s.companyResultAnswer } },
    handler: async (request, reply) => reply.code(201).send(await submitCompanyResult(db, actorOf(request), request.params.id, request.body)),
  });

  app.get<Id>('/jobs/:id/company-results', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "The company's results of a reference measurement with their correction chain", params: s.idParams, response: { 200: s.companyResultList } },
    handler: async (request) => ({ items: await listCompanyResults(db, actorOf(request), request.params.id) }),
  });

  app.post<Id & { Body: CompanyCorrectionInput }>('/company-results/:id/corrections', {
    config: { roles: COMPANY_RESULT_WRITERS },
    schema: { tags, summary: "Correct a company result with a new one and a reason (the corrected one stays visible)", params: s.idParams, body: s.correctionBody, response: { 201: s.correctionAnswer } },
    handler: async (request, reply) => reply.code(201).send(await correctCompanyResult(db, actorOf(request), request.params.id, request.body)),
  });

  app.post<Id & { Body: StatedUncertaintyInput }>('/jobs/:id/lab-uncertainties', {
    config: { roles: UNCERTAINTY_STATERS },
    schema: { tags, summary: "State the lab's expanded uncertainty for a characteristic (used when no uncertainty evaluation is stored for the lab's result)", params: s.idParams, body: s.statedUncertaintyBody, response: { 201: s.statedUncertaintySchema } },
    handler: async (request, reply) => reply.code(201).send(await stateLabUncertainty(db, actorOf(request), request.params.id, request.body)),
  });

  app.get<Id>('/jobs/:id/comparison', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "The company's values against the lab's: difference, En, zeta, verdict, or the uncertainty the company would need (customers: once the lab's results are released)", params: s.idParams, response: { 200: s.comparisonSchema } },
    handler: async (request) => getComparison(db, actorOf(request), request.params.id),
  });

  app.get<Id & { Querystring: { testPieceId?: string } }>('/machine-tools/:id/trend', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "A machine tool's test pieces over time: per characteristic the deviations from nominal (lab's released values) and the drift per year with its uncertainty", params: s.idParams, querystring: s.trendQuery, response: { 200: s.trendSchema } },
    handler: async (request) => getMachineToolTrend(db, actorOf(request), request.params.id, request.query.testPieceId),
  });
}
