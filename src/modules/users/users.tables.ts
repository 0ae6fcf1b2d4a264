import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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

/** Login attempts, kept in the database so that rate limiting holds across service instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: ts('attempted_at').notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_time_idx').on(t.email, t.attemptedAt)],
);
