export { uncertaintyRoutes } from './uncertainty.routes.js';
export type { UncertaintyRoutesOptions } from './uncertainty.routes.js';
