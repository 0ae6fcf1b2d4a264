import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.js';
import type { Config } from './config/config.js';
import { openDatabase } from './db/database.js';
import { runMigrations } from './db/migrate.js';
import { bootstrapAdmin } from './modules/users/index.js';

/**
 * Opens the configured database, applies migrations, creates the first admin on an empty database
 * and builds the app. The generated admin token (if any) is printed once to the console.
 */
export async function createService(config: Config, logger?: AppOptions['logger']): Promise<FastifyInstance> {
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    const app = await buildApp({ config, database, ...(logger !== undefined ? { logger } : {}) });
    const admin = await bootstrapAdmin(database.db, config.bootstrapAdminToken);
    if (admin?.generated) {
      // Printed, not logged: it must be seen once by the person starting the service, not kept in log storage.
      console.log(`\nFirst start: created the administrator ${admin.email}.\nIts API token (shown only now):\n\n  ${admin.token}\n`);
    } else if (admin) {
      app.log.info({ email: admin.email }, 'created the administrator with LIMS_BOOTSTRAP_ADMIN_TOKEN');
    }
    return app;
  } catch (err) {
    await database.close();
    throw err;
  }
}
