import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../paths.js';
import { type ChildService, freePort, spawnService, waitForLine } from './processes.js';

/** The FerretDB release the embedded database is built from (v1.24.1 is not served by the Go module proxy). */
export const FERRETDB_VERSION = 'v1.24.0';

const sourceDir = path.join(projectRoot, 'scripts', 'ferretdb');

/** A digest of our small FerretDB main's sources: a change to them builds a new binary. */
function sourceDigest(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(sourceDir)
    .filter((f) => /\.(go|mod|sum)$/.test(f))
    .sort()) {
    hash.update(file).update(readFileSync(path.join(sourceDir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Where the built binary is cached, outside the project so that clones and CI runs share it. */
export function ferretdbBinaryPath(): string {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(
    cache,
    'soc-joint-procurement',
    `ferretdb-${FERRETDB_VERSION}-${sourceDigest()}`,
    'ferretdb',
  );
}

/** Builds our small FerretDB main (scripts/ferretdb) with the machine's Go, once. */
export async function ensureFerretdbBinary(log: (message: string) => void): Promise<string> {
  const binary = ferretdbBinaryPath();
  if (existsSync(binary)) return binary;
  log(
    `Building the embedded database (FerretDB ${FERRETDB_VERSION}, SQLite) with Go; first start only, about a minute…`,
  );
  mkdirSync(path.dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  try {
    await promisify(execFile)('go', ['build', '-trimpath', '-o', partial, '.'], {
      cwd: sourceDir,
      env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    const why =
      e.code === 'ENOENT' ? 'Go is not installed (the embedded database is built with it)' : e.stderr;
    throw new Error(`Could not build FerretDB: ${why}. Or set MONGODB_URI to a MongoDB ≥ 6.`);
  }
  renameSync(partial, binary);
  log(`Built ${binary}`);
  return binary;
}

export interface EmbeddedDatabase extends ChildService {
  uri: string;
}

/**
 * Starts FerretDB on SQLite files under `dataDir`, on a free loopback port, with the `_id` lookup
 * index that makes its updates and deletes by `_id` cost the same at any collection size.
 */
export async function startFerretdb(
  dataDir: string,
  database: string,
  log: (m: string) => void,
  opts: { idLookupIndex?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const binary = await ensureFerretdbBinary(log);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const service = spawnService(binary, [
    '-listen',
    `127.0.0.1:${port}`,
    '-dir',
    dataDir,
    // Only a benchmark turns it off, to measure what it saves (see scripts/ferretdb/idindex.go).
    ...(opts.idLookupIndex === false ? ['-no-id-index'] : []),
  ]);
  await waitForLine(service, /^ready /m, 30_000);
  return { ...service, uri: `mongodb://127.0.0.1:${port}/${database}` };
}
