import type { FastifyInstance } from 'fastify';
import { scheduledCheckpoint } from './audit-checkpoints.service.js';

/**
 * Signs a checkpoint of the audit chain every AUDIT_CHECKPOINT_INTERVAL_MINUTES while the app runs,
 * and stops (waiting for a checkpoint being written) when it closes. Each instance runs the timer;
 * `scheduledCheckpoint` skips a period another instance has already covered. Every checkpoint is also
 * logged, so log storage keeps copies outside the database.
 */
export function registerAuditCheckpointSchedule(app: FastifyInstance): void {
  const { db, config } = app.lims;
  const key = config.auditSigningKey;
  if (!key) {
    app.addHook('onReady', async () => {
      app.log.warn('AUDIT_SIGNING_KEY is not set: no audit checkpoints are signed, so removing or rewriting audit events cannot be detected (docs/operations.md)');
    });
    return;
  }
  const minutes = config.auditCheckpointIntervalMinutes;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = (): void => {
    if (running) return;
    running = scheduledCheckpoint(db, key, minutes)
      .then(
        (checkpoint) => void (checkpoint && app.log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint signed')),
        (err: unknown) => app.log.error({ err }, 'audit checkpoint failed; the next period tries again'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(run, minutes * 60_000);
    timer.unref();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await running;
  });
}
