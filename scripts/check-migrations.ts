/**
 * Migration drift check: generates migrations from the drizzle schema into a scratch copy of
 * migrations/ and fails when that produces anything new, i.e. when the schema was changed without
 * committing the migration `npm run db:generate` makes for it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';

// drizzle-kit takes `out` relative to the project, so the scratch copy lives inside it (git-ignored).
const scratch = '.migrations-drift-check';
rmSync(scratch, { recursive: true, force: true });
try {
  cpSync('migrations', scratch, { recursive: true });
  const before = new Set(readdirSync(scratch));
  const output = execFileSync('npx', ['drizzle-kit', 'generate', '--name', 'drift_check'], {
    env: { ...process.env, DRIZZLE_OUT: scratch },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!/No schema changes|migration file/.test(output)) {
    console.error(`drizzle-kit did not finish as expected:\n${output}`);
    process.exit(1);
  }
  const added = readdirSync(scratch).filter((f) => !before.has(f));
  if (added.length > 0) {
    console.error(`The drizzle schema and migrations/ differ: drizzle-kit would generate ${added.join(', ')}.`);
    console.error('Run `npm run db:generate` and commit the new migration.');
    process.exit(1);
  }
  console.log(`migrations match the schema (${output.trim().split('\n').pop()})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
