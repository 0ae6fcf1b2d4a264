import { compare, div, money, mul, percentOf, sub, sum } from '../../../shared/decimal.js';

/** One service's yearly costs (euros) and planned billable hours, as decimal strings. */
export interface CostBasis {
  equipmentLeasingMaintenance: string;
  rent: string;
  laboratoryCosts: string;
  personnelCosts: string;
  plannedBillableHours: string;
}

/** The largest amount a money column (numeric(14,2)) holds, in euros. */
export const MONEY_LIMIT = '999999999999.99';

/** True when an amount fits a money column; a derived price past it would fail in the database. */
export const fitsMoney = (amount: string): boolean => compare(amount, MONEY_LIMIT) <= 0;

/**
 * The cost-based hourly rate: all yearly costs of the service divided by its planned billable
 * hours, rounded to cents. The lab is non-profit, so there is no margin: the rate recovers costs.
 */
export function hourlyRate(basis: CostBasis): string {
  if (compare(basis.plannedBillableHours, '0') <= 0) throw new RangeError('planned billable hours must be more than zero');
  const total = sum([basis.equipmentLeasingMaintenance, basis.rent, basis.laboratoryCosts, basis.personnelCosts]);
  return money(div(total, basis.plannedBillableHours, 6));
}

/** An item's list price: its fixed price, or its standard hours at the published (rounded) hourly rate. */
export function itemUnitPrice(item: { standardHours: string | null; fixedPrice: string | null }, rate: string): string {
  if (item.fixedPrice !== null) return money(item.fixedPrice);
  if (item.standardHours === null) throw new RangeError('an item needs standard hours or a fixed price');
  return money(mul(rate, item.standardHours));
}

export type PriceSource = 'price_list' | 'agreement_discount' | 'agreement_fixed_price';

export interface AgreedPricing {
  discounts: Partial<Record<string, string>>;
  fixedPrices: Record<string, string>;
}

export interface CustomerPrice {
  listUnitPrice: string;
  discountPercent: string;
  unitPrice: string;
  source: PriceSource;
}

/** The net unit price for a customer: an agreed fixed price wins, else the agreed service discount, else the list price. */
export function customerPrice(item: { code: string; service: string }, listUnitPrice: string, agreed: AgreedPricing | null): CustomerPrice {
  const fixed = agreed?.fixedPrices[item.code];
  if (fixed !== undefined) return { listUnitPrice, discountPercent: '0.00', unitPrice: money(fixed), source: 'agreement_fixed_price' };
  const discount = agreed?.discounts[item.service];
  if (discount !== undefined && compare(discount, '0') > 0) {
    return { listUnitPrice, discountPercent: money(discount), unitPrice: money(sub(listUnitPrice, percentOf(listUnitPrice, discount))), source: 'agreement_discount' };
  }
  return { listUnitPrice, discountPercent: '0.00', unitPrice: listUnitPrice, source: 'price_list' };
}

/** The net amount of a line: unit price times quantity, rounded to cents. */
export const lineNet = (unitPrice: string, quantity: string): string => money(mul(unitPrice, quantity));

/** Net, VAT and gross totals; VAT is computed once on the net total and rounded to cents. */
export function totals(lineNets: readonly string[], vatRate: string): { net: string; vat: string; gross: string } {
  const net = money(sum(lineNets));
  const vat = money(percentOf(net, vatRate));
  return { net, vat, gross: money(sum([net, vat])) };
}

/** A gross price including VAT, for showing unit prices with VAT. */
export const withVat = (net: string, vatRate: string): string => money(sum([net, percentOf(net, vatRate)]));
