import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config/config.js';
import { createService } from './service.js';

/** Starts the service: configuration, database, migrations, then listen until SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await createService(config);
  closeWithGrace({ delay: config.shutdownGraceMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down: draining requests');
    // Fastify answers new requests with 503 while in-flight ones finish; onClose closes the database.
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`API documentation: ${config.publicBaseUrl}/docs`);
}

main().catch((err) => {
  console.error(`The service could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
