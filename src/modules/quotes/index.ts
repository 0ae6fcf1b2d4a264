export { quotesRoutes } from './quotes.routes.js';
