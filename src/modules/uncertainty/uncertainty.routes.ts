import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../shared/actor.js';
import { DomainError } from '../../shared/errors/index.js';
import type { EvaluationRequest, ReferenceComparison, CharacteristicSeries } from './domain/index.js';
import { comparisonBody, comparisonResponse, conformityBody, conformityResponse, trendBody, trendResponse } from './analysis.schemas.js';
import { abortOnDisconnect } from './abort-on-disconnect.js';
import { storedRequest } from './budget-evaluations.service.js';
import { budgetRoutes } from './budgets.routes.js';
import { gaugeRrBody, gaugeRrResponse } from './gauge-rr.schemas.js';
import { EvaluationPool, type EvaluationPoolOptions } from './evaluation-pool.js';
import { discriminatedValidator } from './one-of-errors.js';
import { evaluationBody, evaluationResponse } from './uncertainty.schemas.js';
import {
  analyzeGaugeRr,
  analyzeTrends,
  assessConformity,
  compareWithReferences,
  evaluateUncertainty,
  type ConformityRequest,
  type GaugeRrRequest,
} from './uncertainty.service.js';

const tags = ['Uncertainty'];

/**
 * Staff only. Auditors are included because these endpoints store nothing: they recompute, which
 * is what an auditor re-checking a budget needs. Customers are not: budgets and decision rules
 * are the laboratory's working material, reported to customers through certificates.
 */
const config = { roles: STAFF_ROLES };
const WHO = 'Staff roles (auditors too: nothing is stored); not customers.';

export interface UncertaintyRoutesOptions {
  /** Evaluation worker pool settings (size, queue); defaults suit a small server. */
  readonly pool?: EvaluationPoolOptions;
}

/** Compute endpoints of the uncertainty engine: evaluations, conformity, comparisons, trends, gauge R&R. */
export async function uncertaintyRoutes(app: FastifyInstance, options: UncertaintyRoutesOptions = {}): Promise<void> {
  const pool = new EvaluationPool(options.pool);
  app.addHook('onClose', async () => pool.close());

  app.post<{ Body: EvaluationRequest }>('/uncertainty/evaluations', {
    config,
    validatorCompiler: discriminatedValidator(app),
    schema: {
      tags,
      summary: 'Evaluate the uncertainty of a measurement model (GUM and/or Monte Carlo); nothing is stored',
      description:
        `${WHO} GUM (JCGM 100) with Welch-Satterthwaite and t coverage factors, Monte Carlo (JCGM 101) with ` +
        'shortest and symmetric intervals, the validation of the GUM by Monte Carlo, and the rounded statement for a certificate. ' +
        "Monte Carlo runs in a worker thread, limited by 'mcm.maxTimeMs' and 'mcm.trials'/'mcm.maxTrials' within the server's maxima. " +
        'Infinite degrees of freedom are returned as null.',
      body: evaluationBody,
      response: { 200: evaluationResponse },
    },
    handler: async (request, reply) => evaluateUncertainty(pool, request.body, abortOnDisconnect(reply)),
  });

  app.post<{ Body: ConformityRequest & { evaluationId?: string } }>('/uncertainty/conformity', {
    config,
    validatorCompiler: discriminatedValidator(app),
    schema: {
      tags,
      summary: 'Decide conformity with a tolerance under a decision rule, with the specific risk',
      description:
        `${WHO} ILAC-G8:09/2019 / ISO 14253-1 simple or guarded acceptance (w = r U), binary or non-binary; probability of conformity and of a false decision for a normal measurement PDF (JCGM 106), ` +
        'and from the Monte Carlo sample when a model is evaluated with Monte Carlo (the fraction of the sample inside the tolerance, counted in the worker).',
      body: conformityBody,
      response: { 200: conformityResponse },
    },
    handler: async (request, reply) => {
      const { evaluationId, ...body } = request.body;
      if (evaluationId !== undefined && body.evaluation !== undefined) throw new DomainError('LIMS_EVALUATION_REQUEST_INVALID', "Give 'evaluation' or 'evaluationId', not both.");
      const evaluation = evaluationId === undefined ? body.evaluation : await storedRequest(app.lims.db, evaluationId);
      return assessConformity(pool, { ...body, ...(evaluation && { evaluation }) }, abortOnDisconnect(reply));
    },
  });

  app.post<{ Body: { rows: ReferenceComparison[] } }>('/uncertainty/comparisons', {
    config,
    schema: {
      tags,
      summary: "Compare a company's values with the laboratory's reference values (En, zeta)",
      description: `${WHO} Per row: difference, En, zeta and the expanded uncertainty the company would need for |En| <= 1; over the rows, an indicative estimate of the company's uncertainty.`,
      body: comparisonBody,
      response: { 200: comparisonResponse },
    },
    handler: async (request) => compareWithReferences(request.body),
  });

  app.post<{ Body: { characteristics: CharacteristicSeries[] } }>('/uncertainty/trends', {
    config,
    schema: {
      tags,
      summary: "Trend of a machine tool's reference test pieces: deviations from nominal and drift per year",
      description: `${WHO} Weighted (1/u^2) or ordinary least squares per characteristic, with the drift's standard uncertainty.`,
      body: trendBody,
      response: { 200: trendResponse },
    },
    handler: async (request) => analyzeTrends(request.body),
  });

  app.post<{ Body: GaugeRrRequest }>('/uncertainty/gauge-rr', {
    config,
    schema: {
      tags,
      summary: 'Gauge repeatability and reproducibility (average-and-range or ANOVA)',
      description: `${WHO} AIAG MSA 4th ed.: EV, AV, GRR, PV, TV (1 sigma; 6 sigma study variation), %GRR, ndc and the usual verdicts.`,
      body: gaugeRrBody,
      response: { 200: gaugeRrResponse },
    },
    handler: async (request) => analyzeGaugeRr(request.body),
  });

  await budgetRoutes(app, pool);
}
