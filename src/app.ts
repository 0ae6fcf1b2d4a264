import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import { scopedDb } from './db/request-scope.js';
import { registerAuth } from './http/auth.js';
import { registerErrorHandler } from './http/error-handler.js';
import { preRoutingErrorOptions } from './http/framework-errors.js';
import { registerIdempotency } from './http/idempotency.js';
import { registerOpenApi } from './http/openapi.js';
import { registerShutdownGate } from './http/shutdown.js';
import { registerNulGuard, registerStrictBodies, registerValidation } from './http/validation.js';
import { agreementsRoutes } from './modules/agreements/index.js';
import { attachmentsRoutes } from './modules/attachments/index.js';
import { auditRoutes, registerAuditCheckpointSchedule } from './modules/audit/index.js';
import { certificatesRoutes, resultSummariesOfJob, verificationRoutes } from './modules/certificates/index.js';
import { companiesRoutes } from './modules/companies/index.js';
import { competenceRoutes } from './modules/competence/index.js';
import { equipmentRoutes } from './modules/equipment/index.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { jobsRoutes } from './modules/jobs/index.js';
import { machineToolsRoutes } from './modules/machine-tools/index.js';
import { methodsRoutes } from './modules/methods/index.js';
import { pricingRoutes } from './modules/pricing/index.js';
import { qifRoutes } from './modules/qif/index.js';
import { quotesRoutes } from './modules/quotes/index.js';
import { referenceMeasurementsRoutes } from './modules/reference-measurements/index.js';
import { registerResultSummarySource, resultsImportRoutes, resultsRoutes } from './modules/results/index.js';
import { testPiecesRoutes } from './modules/test-pieces/index.js';
import { uncertaintyRoutes } from './modules/uncertainty/index.js';
import { usersRoutes } from './modules/users/index.js';

export interface AppOptions {
  config: Config;
  /** An open, migrated database. The app closes it when it closes. */
  database: Database;
  /** Logger settings; tests pass false. */
  logger?: FastifyServerOptions['logger'];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Pino settings: request ids on every line, secrets never. */
export const loggerOptions = (level: Config['logLevel']): FastifyServerOptions['logger'] => ({
  level,
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.passwordHash', '*.tokenHash'],
    censor: '[redacted]',
  },
});

/**
 * Builds the LIMS application: a Fastify instance with every plugin and route registered but not
 * listening. Tests drive it with `app.inject()`; server.ts makes it listen.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // The shutdown gate below answers with a problem document instead.
    return503OnClosing: false,
    ajv: { customOptions: { removeAdditional: false } },
    // Answers before routing (bad URL, headers too large) are problem documents too.
    ...preRoutingErrorOptions(config.publicBaseUrl),
  });

  // Modules reach the database through a scope: inside a request with an Idempotency-Key, that is the request's transaction.
  app.decorate('lims', { config, database, db: scopedDb(database.db) });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  registerShutdownGate(app);
  app.addHook('onClose', async () => database.close());

  registerValidation(app);
  registerStrictBodies(app);
  registerNulGuard(app);
  registerErrorHandler(app);
  registerAuth(app);
  registerIdempotency(app);
  await registerOpenApi(app);

  // Wiring between modules that cannot import each other: results show the summaries certificates compute.
  registerResultSummarySource(resultSummariesOfJob);
  // Signed audit checkpoints every AUDIT_CHECKPOINT_INTERVAL_MINUTES; the timer stops when the app closes.
  registerAuditCheckpointSchedule(app);

  await app.register(healthRoutes);
  await app.register(verificationRoutes);
  await app.register(
    async (api) => {
      await api.register(usersRoutes);
      await api.register(companiesRoutes);
      await api.register(agreementsRoutes);
      await api.register(pricingRoutes);
      await api.register(quotesRoutes);
      await api.register(auditRoutes);
      await api.register(uncertaintyRoutes);
      await api.register(equipmentRoutes);
      await api.register(methodsRoutes);
      await api.register(competenceRoutes);
      await api.register(jobsRoutes);
      await api.register(resultsRoutes);
      await api.register(resultsImportRoutes);
      await api.register(qifRoutes);
      await api.register(attachmentsRoutes);
      await api.register(testPiecesRoutes);
      await api.register(machineToolsRoutes);
      await api.register(referenceMeasurementsRoutes);
      await api.register(certificatesRoutes);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
