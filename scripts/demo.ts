/**
 * `npm run demo`: the whole story through the HTTP API, with realistic data, narrated.
 * It runs its own platform (embedded services, API and workers) with the law's periods, moving its
 * own clock past them (scripts/demo/clock.ts), keeps what it made under `.data/demo/`, and stops when the story is told. It drives
 * the procedure with the same steps as the integration tests (scripts/procedure.ts).
 */
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { startStandalone } from '../server/embedded/standalone.js';
import { startWorkers } from '../workers/run.js';
import { callStory } from './demo/call-story.js';
import { installDemoClock } from './demo/clock.js';
import { api, dataDir, remember, run, say, steps, useBaseUrl, useMailbox } from './demo/narration.js';
import { tenderStory } from './demo/tender-story.js';

const env = {
  ...process.env,
  DATA_DIR: dataDir,
  // The law's periods (30 days to tender, 10 of standstill): the demo moves its clock instead.
  RECONCILE_EVERY_MS: '3000',
  QUEUE_PREFIX: `demo-${run}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  ADMIN_EMAIL: 'admin@eccc.demo',
  ADMIN_PASSWORD: 'demo-admin-password',
  JOB_LOCK_MS: '5000',
};

async function main(): Promise<void> {
  installDemoClock();
  const started = performance.now();
  say('Starting a demo platform (embedded database, Redis, mail catcher, API, workers)…');
  const standalone = await startStandalone(loadConfig(env), { database: `demo_${run}`, startWorkers });
  useBaseUrl(standalone.baseUrl);
  const catcher = standalone.services.mailCatcher;
  useMailbox(() =>
    (catcher?.messages ?? []).map((m) => ({
      to: m.parsed.to && !Array.isArray(m.parsed.to) ? m.parsed.to.text : '',
      text: m.parsed.text ?? '',
    })),
  );
  try {
    const { token: admin } = await api('POST', '/auth/login', undefined, {
      email: env.ADMIN_EMAIL,
      password: env.ADMIN_PASSWORD,
    });
    remember(admin, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    const centre = (await api('GET', '/organisations?kind=contracting-authority', admin)).items[0].id;
    await steps.publicationDetails(admin, centre, 'registry@review.example.org');
    await tenderStory(admin, await callStory(admin, centre), path.join(dataDir, 'mail'));
    say(
      `\nThe story took ${((performance.now() - started) / 1000).toFixed(0)} s. Files are under ${dataDir}.`,
    );
  } finally {
    await standalone.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
