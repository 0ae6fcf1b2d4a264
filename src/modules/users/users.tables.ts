import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../companies/companies.tables.js';
import { ts } from '../../db/columns.js';

export const userRole = pgEnum('user_role', ['admin', 'quality_manager', 'technician', 'auditor', 'customer']);


export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: userRole('role').notNull(),
    companyId: uuid('company_id').references(() => companies.id),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // A customer user belongs to exactly one company; staff belong to none.
    check('users_company_by_role', sql`(${t.role} = 'customer') = (${t.companyId} IS NOT NULL)`),
    index('users_company_idx').on(t.companyId),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    tokenPrefix: text('token_prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/**
 * Password-guessing limits per account (e-mail, known or not) and client address: the failures in
 * the current window, and until when a successful login trusts the address for the account
 * (domain/login-limits.ts). Kept in the database so that the limits hold across instances.
 */
export const loginAddressLimits = pgTable(
  'login_address_limits',
  {
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: ts('window_started_at').notNull().defaultNow(),
    trustedUntil: ts('trusted_until'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.email, t.ip] }), index('login_address_limits_updated_idx').on(t.updatedAt)],
);

/** Consecutive failed logins per account from untrusted addresses, and until when the next attempt waits. */
export const loginAccountLimits = pgTable(
  'login_account_limits',
  {
    email: text('email').primaryKey(),
    failures: integer('failures').notNull().default(0),
    blockedUntil: ts('blocked_until'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('login_account_limits_updated_idx').on(t.updatedAt)],
);
