/**
 * Start-up time of the compiled service (`node dist/src/server.js`) on the embedded database: from
 * process spawn to the first 200 of /health/ready, on an empty data folder (create, migrate,
 * bootstrap) and again on the now existing one. Needs `npm run build` first (npm run bench does it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function startOnce(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', LIMS_BOOTSTRAP_ADMIN_TOKEN: 'bench-startup-token-0123456789abcdefghij' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error('the service did not become ready within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Milliseconds to ready on an empty and on an existing embedded database. */
export async function runStartupBench(): Promise<{ emptyMs: number; existingMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lims-bench-'));
  try {
    const emptyMs = await startOnce(dataDir, 38_101);
    const existingMs = await startOnce(dataDir, 38_102);
    return { emptyMs, existingMs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
