import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  // The migration drift check generates into a scratch copy of migrations/.
  out: process.env.DRIZZLE_OUT ?? './migrations',
  casing: undefined,
});
