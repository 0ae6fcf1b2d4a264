export { usersRoutes } from './users.routes.js';
export { authenticate, bootstrapAdmin, reauthenticate, BOOTSTRAP_ADMIN_EMAIL } from './auth.service.js';
export { bearerToken } from './domain/tokens.js';
export { getUser, type PublicUser } from './users.service.js';
