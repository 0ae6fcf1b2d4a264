import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_MEDIA_TYPE, problemSchema } from './problem.js';

/** An error response as the service sends it: the problem document as application/problem+json (also what Fastify serializes it with). */
const problemResponse = (description: string) => ({ description, content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } } });

/**
 * The OpenAPI 3 document, generated from the route schemas, at /openapi.json, with Swagger UI at /docs.
 * Every route also gets the problem document as its 4xx/5xx response, declared as application/problem+json.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const response = (route.schema.response ??= {}) as Record<string, unknown>;
    response['4xx'] ??= problemResponse('The request was refused; `code` says why');
    response['5xx'] ??= problemResponse('The service failed or is unavailable; `requestId` identifies the request in the log');
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'KTK LIMS API',
        version: '1.0.0',
        description:
          'Laboratory information management for an ISO/IEC 17025 accredited dimensional measurement and calibration laboratory. ' +
          'Authenticate with `Authorization: Bearer <token>`. Errors are RFC 9457 problem documents with a stable `code`. ' +
          'POST requests accept an `Idempotency-Key` header: a retry with the same key and body replays the first answer.',
      },
      servers: [{ url: app.lims.config.publicBaseUrl }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token issued by an administrator or by /api/v1/auth/login' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
