import { customType, date, numeric, timestamp } from 'drizzle-orm/pg-core';

/** Column kinds every module's tables share. */

/** A point in time (timestamptz), read as a JS Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A calendar day (date), read as 'YYYY-MM-DD' so no time zone can shift it. */
export const day = (name: string) => date(name, { mode: 'string' });

/** A measured or nominal value: numeric without scale keeps the decimals as typed (0.50 stays 0.50). */
export const measure = (name: string) => numeric(name);

/** Euros to the cent. */
export const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/** Bytes (bytea), read as a Buffer: issued documents keep their files in the database beside their rows. */
export const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
