import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { checkEventHandlers, eventNames } from '../../server/events.js';
import { projectRoot } from '../../server/paths.js';
import { eventHandlers } from '../../workers/follow-ups.js';

/** The stages of the procedure, in order: a stage's folder imports only earlier stages and the core. */
const STAGES = [
  'accounts',
  'consortia',
  'calls',
  'expressions',
  'tenders',
  'bids',
  'evaluation',
  'awards',
  'review',
  'contracts',
  'ocds',
  'publication',
  'home',
];
/** The small published queries through which an earlier stage may read a later one. */
const PUBLISHED_QUERIES = [
  'server/bids/bidders.ts',
  'server/expressions/approval.ts',
  'server/tenders/approval.ts',
];

function sources(dir: string): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(path.join(dir, d.name))
      : d.name.endsWith('.ts')
        ? [path.join(dir, d.name)]
        : [],
  );
}

/** Every relative import of the server's stage folders, as [importing file, imported file]. */
function stageImports(): [string, string][] {
  return sources('server').flatMap((file) =>
    [...readFileSync(path.join(projectRoot, file), 'utf8').matchAll(/from '(\.\.?\/[^']+)\.js'/g)].map(
      (m): [string, string] => [file, path.join(path.dirname(file), `${m[1]}.ts`)],
    ),
  );
}

const stageOf = (file: string) => STAGES.indexOf(file.split(path.sep)[1] ?? '');

/** The imports that run from a stage to a later one, other than through a published query. */
const backwards = (imports: [string, string][]) =>
  imports
    .filter(([from, to]) => stageOf(from) >= 0 && stageOf(to) > stageOf(from))
    .filter(([, to]) => !PUBLISHED_QUERIES.includes(to))
    .map(([from, to]) => `${from} → ${to}`);

describe('layout: each stage owns its doors', () => {
  it('when the server imports are read, then no stage imports a later one, except through a published query', () => {
    expect(stageImports().length).to.be.greaterThan(100);
    expect(backwards(stageImports())).to.deep.equal([]);
  });

  it('when a stage imports a later one, then the check names it; a published query or an earlier stage passes', () => {
    expect(
      backwards([
        ['server/tenders/tenders.routes.ts', 'server/awards/awards.service.ts'],
        ['server/tenders/tenders.notices.ts', 'server/bids/bidders.ts'],
        ['server/awards/awards.service.ts', 'server/tenders/tender.model.ts'],
        ['server/notices/outbox.ts', 'server/keyed-id.ts'],
      ]),
    ).to.deep.equal(['server/tenders/tenders.routes.ts → server/awards/awards.service.ts']);
  });

  it('when the follow-ups are composed, then every domain event has exactly one handler', () => {
    expect(Object.keys(eventHandlers).sort()).to.deep.equal([...eventNames].sort());
    expect(() => checkEventHandlers(eventHandlers)).not.to.throw();
  });

  it('when an event lacks a handler or a handler names no event, then start-up is refused naming both', () => {
    const { 'tender.awarded': _, ...missing } = eventHandlers;
    expect(() => checkEventHandlers({ ...missing, 'tender.forgotten': async () => {} })).to.throw(
      /missing tender\.awarded, unknown tender\.forgotten/,
    );
  });
});
