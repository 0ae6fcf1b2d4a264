export { pricingRoutes } from './pricing.routes.js';
export { getPriceList, versionInForce } from './pricing.service.js';
export { customerPrice, lineNet, totals, type AgreedPricing } from './domain/price-derivation.js';
