export { pricingRoutes } from './pricing.routes.js';
export { getPriceList, versionInForce } from './pricing.service.js';
export { customerPrice, fitsMoney, lineNet, MONEY_LIMIT, totals, type AgreedPricing } from './domain/price-derivation.js';
