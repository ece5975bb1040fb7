#!/usr/bin/env node
// Builds everything the platform runs, once, so that starting it never builds: the console (Vite),
// the server, workers, scripts and tests (tsc), and the embedded database (FerretDB, with Go, cached
// outside the checkout). `npm install` runs it (the `prepare` script); `npm start`, `npm test`,
// `npm run worker` and `npm run demo` run it with --if-needed, which builds only when the build is
// missing or older than the sources, and says so in one line; `--then <script>` then runs a built
// script in the same process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.built');

/** What a build reads: a change to any of these makes the build out of date. */
const SOURCES = ['server', 'workers', 'schemas', 'templates', 'test', 'scripts', 'bench', 'web/src'];
const FILES = [
  'tsconfig.json',
  'web/tsconfig.json',
  'web/vite.config.ts',
  'web/index.html',
  'package-lock.json',
];

/** The newest modification time among the sources, in milliseconds. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) return;
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(path.join(p, e));
    else if (s.mtimeMs > newest) newest = s.mtimeMs;
  };
  for (const dir of SOURCES) visit(path.join(root, dir));
  for (const file of FILES) visit(path.join(root, file));
  return newest;
}

/** Why a build is needed now, or undefined when the last one is newer than every source. */
function staleness() {
  const built = statSync(stamp, { throwIfNoEntry: false });
  if (!built) return 'The platform is not built yet';
  if (newestSource() > built.mtimeMs) return 'The sources changed since the last build';
  return undefined;
}

function run(what, command, args) {
  const started = Date.now();
  process.stdout.write(`  ${what}… `);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write('failed\n');
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

async function build() {
  const started = Date.now();
  run('the console (Vite)', bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  run('the server, workers and tests (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
  run('type checks of the console (tsc)', bin('tsc'), ['-p', 'web/tsconfig.json']);
  // The embedded database, unless the platform is pointed at a MongoDB of its own.
  if (!process.env.MONGODB_URI && !process.argv.includes('--without-database')) {
    const { ensureFerretdbBinary, ferretdbBinaryPath } = await import(
      path.join(root, 'dist', 'server', 'embedded', 'ferretdb.js')
    );
    if (existsSync(ferretdbBinaryPath())) console.log('  the embedded database (FerretDB): built already');
    else {
      const at = Date.now();
      console.log(
        '  the embedded database (FerretDB on SQLite, with Go; a minute or three, once per machine)…',
      );
      try {
        await ensureFerretdbBinary(() => {});
        console.log(`  the embedded database: ${((Date.now() - at) / 1000).toFixed(0)} s`);
      } catch (err) {
        // Not fatal: a platform given MONGODB_URI needs no embedded database.
        console.log(`  the embedded database was not built: ${err.message}`);
      }
    }
  }
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

if (process.argv.includes('--if-needed')) {
  const why = staleness();
  if (why) {
    console.log(`${why}: building it once now (the same as \`npm run build\`).`);
    await build();
  }
  // `--then <built script>`: run it in this same process, sparing a second Node start.
  const then = process.argv[process.argv.indexOf('--then') + 1];
  if (process.argv.includes('--then') && then) {
    process.argv.splice(1, process.argv.length, path.join(root, then));
    await import(pathToFileURL(path.join(root, then)).href);
  }
} else {
  console.log('Building the platform:');
  await build();
}
