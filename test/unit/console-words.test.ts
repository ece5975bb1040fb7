import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { en } from '../../web/src/locales/en.js';
import { nl } from '../../web/src/locales/nl.js';

const root = path.resolve(import.meta.dirname, '../../../web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

const at = (words: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (o, part) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[part] : undefined),
      words,
    );

/** The keys the console's pages name literally (`t('a.b')`), and the prefixes they complete (`t(`a.${x}`)`). */
function keysUsed(text: string): { keys: string[]; prefixes: string[] } {
  return {
    keys: [...text.matchAll(/\bt\(\s*'([A-Za-z0-9_.-]+)'/g)].map((m) => m[1] as string),
    prefixes: [...text.matchAll(/\bt\(\s*`([A-Za-z0-9_.-]+)\.\$\{/g)].map((m) => m[1] as string),
  };
}

describe('the console’s words', () => {
  const used = sources(root).map((file) => ({
    file: path.relative(root, file),
    ...keysUsed(readFileSync(file, 'utf8')),
  }));

  it('when a page names a word, then English and Dutch both have it', () => {
    const missing = used.flatMap(({ file, keys, prefixes }) => [
      ...keys.flatMap((k) =>
        Object.entries({ en, nl }).flatMap(([lang, words]) =>
          typeof at(words, k) === 'string' ? [] : [`${file}: ${lang} ${k}`],
        ),
      ),
      ...prefixes.flatMap((k) =>
        Object.entries({ en, nl }).flatMap(([lang, words]) =>
          typeof at(words, k) === 'object' ? [] : [`${file}: ${lang} ${k}.*`],
        ),
      ),
    ]);
    expect(missing).to.deep.equal([]);
    expect(used.reduce((n, u) => n + u.keys.length, 0)).to.be.greaterThan(300);
  });

  it('when a word is missing, then the check names it', () => {
    const { keys } = keysUsed("t('admin.title'); t( 'no.such.word', { n })");
    expect(keys).to.deep.equal(['admin.title', 'no.such.word']);
    expect(at(en, 'no.such.word')).to.equal(undefined);
    expect(at(en, 'admin.title')).to.be.a('string');
  });
});
