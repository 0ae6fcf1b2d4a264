import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES, STAFF_ROLES } from '../../shared/actor.js';
import { registerImpactSource } from '../equipment/index.js';
import { registerResultCoverage } from '../jobs/index.js';
import { resultCoverage } from './results.coverage.js';
import { resultsImpactSource } from './results.impact.js';
import * as s from './results.schemas.js';
import { RECORDERS, correctResult, getItemResults, getJobResults, recordResult, releaseItem, type ResultInput } from './results.service.js';

const tags = ['Results'];
type Id = { Params: { id: string } };

/** Logging of measurement results against job items, corrections and the four-eyes release. */
export async function resultsRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;
  // Reverse impact of a standard lists the results measured with the items that rest on it.
  registerImpactSource(resultsImpactSource);
  // The job lifecycle's gates (review needs every result, reporting every release) ask the results
  // through this port: results imports jobs, so jobs cannot import results without a cycle.
  registerResultCoverage(resultCoverage);

  app.post<Id & { Body: ResultInput }>('/job-items/:id/results', {
    config: { roles: RECORDERS },
    schema: {
      tags,
      summary: 'Record a measurement of a characteristic or calibration point (refused when equipment, competence, environment, unit or job state do not allow it)',
      params: s.idParams,
      body: s.resultBody,
      response: { 201: s.resultSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await recordResult(db, actorOf(request), request.params.id, request.body)),
  });

  app.get<Id>('/job-items/:id/results', {
    config: { roles: STAFF_ROLES },
    schema: {
      tags,
      summary: "An item's full results record: corrections (current marked), authors, equipment, method versions and the release (customers read GET /jobs/{id}/results)",
      params: s.idParams,
      response: { 200: s.itemResultsSchema },
    },
    handler: async (request) => getItemResults(db, actorOf(request), request.params.id),
  });

  app.get<Id>('/jobs/:id/results', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: "A job's results as its customer sees them: released items with their results, the others pending",
      description:
        'Every item of the job in order. A released item lists its results: the characteristic (balloon number) or calibration point, the measurement time, ' +
        'temperature and humidity, any environmental deviation with its justification, the readings exactly as typed, and the correction chain ' +
        '(a corrected result stays, `current: false`, with the reason of its correction). An item not yet released by a second person is `pending` and shows no values. ' +
        "Left out on purpose: who recorded or released results, the lab's equipment and method version ids, and the technicians' working remarks. " +
        "Customers read their own company's jobs only (another company's job is 404); staff see the same view.",
      params: s.idParams,
      response: { 200: s.customerJobResultsSchema },
    },
    handler: async (request) => getJobResults(db, actorOf(request), request.params.id),
  });

  app.post<Id & { Body: ResultInput & { reason: string } }>('/results/:id/corrections', {
    config: { roles: RECORDERS },
    schema: { tags, summary: 'Correct a result with a new one and a reason (the corrected one stays visible)', params: s.idParams, body: s.correctionBody, response: { 201: s.resultSchema } },
    handler: async (request, reply) => reply.code(201).send(await correctResult(db, actorOf(request), request.params.id, request.body)),
  });

  app.post<Id & { Body: { remarks?: string | null } }>('/job-items/:id/results/release', {
    config: { roles: RECORDERS },
    schema: { tags, summary: "Review and release an item's results (four eyes: not by their author); released results are locked", params: s.idParams, body: s.releaseBody, response: { 200: s.itemResultsSchema } },
    handler: async (request) => releaseItem(db, actorOf(request), request.params.id, request.body ?? {}),
  });
}
