/**
 * `npm start`'s build step: compiles (incremental `tsc -b`) only when a source, a tsconfig or the
 * lockfile is newer than the last build, so a start without changes does not even load TypeScript.
 * Directory times count too, so a deleted or renamed source triggers a build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', 'build.tsbuildinfo');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), info.mtimeMs);
}

const inputs = Math.max(...['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => newest(join(root, p))));
if (!existsSync(stamp) || statSync(stamp).mtimeMs < inputs) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  // tsc leaves its build info alone when the output would not change (a file only touched): mark the build as current.
  const now = new Date();
  utimesSync(stamp, now, now);
}
