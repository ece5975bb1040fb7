import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';

// The console as built (`npm run build` writes dist/web and Vite's manifest of what loads what).

const web = path.resolve(import.meta.dirname, '../../web');
const assets = path.join(web, 'assets');

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
const manifest = () =>
  JSON.parse(readFileSync(path.join(web, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;

/** The files a first visit to the board loads: the entry, what it imports statically, their styles. */
function boardFirstLoad(): string[] {
  const m = manifest();
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = m[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit('index.html');
  return [...files];
}

const gzipped = (file: string) => gzipSync(readFileSync(path.join(web, file)), { level: 9 }).length;

/** What the board may cost over the wire, gzipped: its JavaScript, and the design system's styles. */
const BOARD_BUDGET = { javascript: 150 * 1024, styles: 55 * 1024 };

describe('the console as built', () => {
  it('when the console is built, then no JavaScript file is over 300 kB', () => {
    const sizes = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => ({ f, bytes: statSync(path.join(assets, f)).size }));
    expect(sizes.length).to.be.greaterThan(10);
    expect(sizes.filter((s) => s.bytes > 300 * 1024)).to.deep.equal([]);
  });

  it('when the board is opened first, then it loads no screen of officers, evaluators, consortia or administrators', () => {
    const m = manifest();
    const loaded = new Set(boardFirstLoad());
    const screens = Object.entries(m).filter(([src]) =>
      /src\/pages\/(officers|consortia|admin|account)\//.test(src),
    );
    expect(screens.length).to.be.greaterThan(10);
    for (const [src, chunk] of screens) expect(loaded.has(chunk.file), src).to.equal(false);
    // Every one of them is reached from the entry only when its route is visited.
    const lazy = new Set(m['index.html']?.dynamicImports ?? []);
    for (const [src] of screens.filter(([s]) => !/Parts|Fields|parts/.test(s)))
      expect(lazy.has(src), src).to.equal(true);
  });

  it('when the board is opened first, then what it loads over the wire stays within its budget', () => {
    const files = boardFirstLoad();
    const js = files.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipped(f), 0);
    const css = files.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gzipped(f), 0);
    expect(js, 'JavaScript, gzipped').to.be.at.most(BOARD_BUDGET.javascript);
    expect(css, 'styles, gzipped').to.be.at.most(BOARD_BUDGET.styles);
    // The board's own page comes with it: no second request before it shows.
    const entry = readFileSync(path.join(web, manifest()['index.html']?.file as string), 'utf8');
    expect(entry).to.include('board.title');
  });
});
