import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Content received into the store but not yet made permanent. */
export interface StagedBlob {
  /** Opaque handle of the staging copy. */
  readonly key: string;
  readonly sha256: string;
  /** Bytes received (more than the limit when `tooLarge`). */
  readonly size: number;
  /** The first bytes, for type detection. */
  readonly head: Buffer;
  /** The source went past `maxBytes`: the rest was read and dropped, and nothing is kept. */
  readonly tooLarge: boolean;
}

/**
 * Where attachment content lives, addressed by its SHA-256: the same bytes are stored once however
 * many attachments name them. Content is staged while it streams in (hashing as it goes, never
 * holding more than a chunk and the head in memory), then committed under its digest or discarded.
 */
export interface BlobStore {
  stage(source: Readable, limits: { maxBytes: number; headBytes: number }): Promise<StagedBlob>;
  /** Makes staged content permanent under its digest (replacing identical bytes if already there). */
  commit(staged: StagedBlob): Promise<void>;
  /** Drops a staged copy; harmless when it was committed or dropped already. */
  discard(staged: StagedBlob): Promise<void>;
  /** Opens stored content; null when it is not there. */
  open(sha256: string): Promise<{ stream: Readable; size: number } | null>;
  /** Digests of stored content last written before `before`. */
  listStored(before: Date): AsyncIterable<string>;
  remove(sha256: string): Promise<void>;
  /** Drops staged copies last written before `before` (uploads a crash left behind); returns how many. */
  removeStaleStaging(before: Date): Promise<number>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';
const ignoreMissing = (err: unknown) => {
  if (!isMissing(err)) throw err;
};

/** Flushes a written file to the disk (fsync applies to the file, whichever descriptor asks). */
async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Makes a rename durable: the directory entry itself is flushed (not every file system allows it). */
async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } catch {
    // e.g. EINVAL on file systems that cannot fsync a directory; the rename still happened.
  } finally {
    await dir.close();
  }
}

/**
 * The default BlobStore: a folder. `staging/<uuid>` receives an upload; it is fsynced and renamed
 * (atomic within one file system) to `sha256/<ab>/<cd>/<digest>`. Back the folder up with the database.
 */
export class FileBlobStore implements BlobStore {
  private readonly stagingDir: string;
  private readonly storedDir: string;

  constructor(root: string) {
    this.stagingDir = join(root, 'staging');
    this.storedDir = join(root, 'sha256');
  }

  private stagedPath(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`not a staging key: ${key}`);
    return join(this.stagingDir, key);
  }

  private storedPath(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 digest: ${sha256}`);
    return join(this.storedDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable, limits: { maxBytes: number; headBytes: number }): Promise<StagedBlob> {
    // A stream destroyed before it is read (e.g. its request was cut off) would stall the pipeline.
    if (source.destroyed) throw new Error('The source stream was closed before it could be read.');
    await mkdir(this.stagingDir, { recursive: true });
    const key = randomUUID();
    const path = this.stagedPath(key);
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        // Past the limit: keep reading (so the request can be answered) but keep nothing.
        if (size > limits.maxBytes) return done();
        hash.update(chunk);
        if (headLength < limits.headBytes) {
          const part = chunk.subarray(0, limits.headBytes - headLength);
          headChunks.push(Buffer.from(part));
          headLength += part.length;
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, inspect, createWriteStream(path, { flags: 'wx' }));
      await syncFile(path);
    } catch (err) {
      await unlink(path).catch(ignoreMissing);
      throw err;
    }
    const tooLarge = size > limits.maxBytes;
    if (tooLarge) await unlink(path);
    return { key, sha256: hash.digest('hex'), size, head: Buffer.concat(headChunks), tooLarge };
  }

  async commit(staged: StagedBlob): Promise<void> {
    const target = this.storedPath(staged.sha256);
    await mkdir(dirname(target), { recursive: true });
    await rename(this.stagedPath(staged.key), target);
    await syncDirectory(dirname(target));
  }

  async discard(staged: StagedBlob): Promise<void> {
    await unlink(this.stagedPath(staged.key)).catch(ignoreMissing);
  }

  async open(sha256: string): Promise<{ stream: Readable; size: number } | null> {
    const file = await open(this.storedPath(sha256), 'r').catch((err: unknown) => {
      ignoreMissing(err);
      return null;
    });
    if (!file) return null;
    const { size } = await file.stat();
    return { stream: file.createReadStream(), size };
  }

  async *listStored(before: Date): AsyncIterable<string> {
    const level = (path: string) => readdir(path).catch((err: unknown) => (ignoreMissing(err), [] as string[]));
    for (const a of await level(this.storedDir)) {
      for (const b of await level(join(this.storedDir, a))) {
        for (const name of await level(join(this.storedDir, a, b))) {
          if (!SHA256.test(name)) continue;
          const info = await stat(join(this.storedDir, a, b, name)).catch(() => null);
          if (info && info.mtime < before) yield name;
        }
      }
    }
  }

  async remove(sha256: string): Promise<void> {
    await unlink(this.storedPath(sha256)).catch(ignoreMissing);
  }

  async removeStaleStaging(before: Date): Promise<number> {
    let removed = 0;
    const names = await readdir(this.stagingDir).catch((err: unknown) => (ignoreMissing(err), [] as string[]));
    for (const name of names) {
      const path = join(this.stagingDir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtime < before) {
        await unlink(path).catch(ignoreMissing);
        removed++;
      }
    }
    return removed;
  }
}
