import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.js';
import type { CaughtMail, MailCatcher } from '../../server/embedded/mail-catcher.js';
import { startStandalone } from '../../server/embedded/standalone.js';
import { type EspdKind, validateEspd } from '../../server/espd/espd-validation.js';
import { projectRoot } from '../../server/paths.js';
import type { Platform } from '../../server/platform.js';
import { validateNotice } from '../../server/publication/notice-validation.js';
import { SchematronRules, type SchematronSetup } from '../../server/publication/schematron.js';
import { queueNames } from '../../server/queues.js';
import { startWorkers } from '../../workers/run.js';

export const ADMIN = { email: 'admin@centre.test', password: 'admin-password-for-tests' };

/** The settings every test run uses: a fresh data folder, its own database and queue prefix, short periods. */
export function testEnv(dataDir: string): NodeJS.ProcessEnv {
  const run = randomBytes(4).toString('hex');
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    QUEUE_PREFIX: `test-${run}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    MIN_TENDER_PERIOD: 'PT0S',
    MIN_STANDSTILL_PERIOD: 'PT0S',
    // Seconds where the law says days, so that a test sees each rule bite and then the tender open.
    MIN_PERIOD_AFTER_CHANGE: 'PT30S',
    MIN_ANSWER_LEAD: 'PT4S',
    COMPLAINT_CONDITIONS_LEAD: 'PT4S',
    ESPD_EDM,
    JOB_LOCK_MS: '2000',
    RECONCILE_EVERY_MS: '60000',
    BID_SETTLE_MS: '300',
    BID_DOCUMENTS_MAX: '4',
    BID_DOCUMENT_MAX_BYTES: '3000000',
    MAIL_FROM: 'Joint Procurement <no-reply@procurement.test>',
    PUBLIC_URL: 'http://procurement.test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    // A MongoDB of one's own (an empty database): the whole suite, query plans included, runs on it.
    ...(process.env.MONGODB_URI ? { MONGODB_URI: process.env.MONGODB_URI } : {}),
  };
}

/** The ESPD-EDM in the standards' folder beside the project: the suite's platform asks ESPDs from it. */
export const ESPD_EDM = path.join(projectRoot, '..', 'shared', 'espd-edm');

let espdRules: SchematronRules | undefined;

/** What the ESPD-EDM's schema and business rules find wrong in a document; undefined without Saxon-HE (CI has it). */
export async function espdErrors(kind: EspdKind, xml: string) {
  const saxonJar = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';
  if (!existsSync(saxonJar)) {
    if (process.env.CI === 'true') throw new Error('CI needs Saxon-HE for the ESPD-EDM rules');
    return undefined;
  }
  espdRules ??= new SchematronRules({ saxonJar, java: process.env.JAVA ?? 'java' });
  return (await validateEspd(ESPD_EDM, espdRules, kind, xml)).errors;
}

/** The eForms SDK in the standards' folder beside the project (its examples are read from it too). */
export const EFORMS_SDK = path.join(projectRoot, '..', 'shared', 'eforms-sdk');

/**
 * The SDK and SchXslt from the standards' folder, when Saxon-HE is here to run them; in CI they
 * must be (`.ci/run` installs Saxon-HE), elsewhere the tests that need them skip. The suite's own
 * platform runs without them (its periods of seconds make same-day deadlines, which eForms rightly
 * refuses); the eForms tests start a platform of their own with them.
 */
export function eformsSetup(): SchematronSetup | undefined {
  const setup = {
    sdk: EFORMS_SDK,
    schxslt: path.join(projectRoot, '..', 'shared', 'schxslt-1.10.1'),
    saxonJar: process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar',
    java: process.env.JAVA ?? 'java',
  };
  if (![setup.sdk, setup.schxslt, setup.saxonJar].every((p) => existsSync(p))) {
    if (process.env.CI === 'true') throw new Error('CI needs the eForms SDK, SchXslt and Saxon-HE');
    return undefined;
  }
  return setup;
}

let sharedRules: SchematronRules | undefined;

/**
 * What the SDK finds wrong in a notice (XSD and Schematron), as the platform checks it, with one
 * validator process for the whole run (each subtype's rules compile once); undefined without the tools.
 */
export async function noticeErrors(subtype: string, xml: string) {
  const setup = eformsSetup();
  if (!setup) return undefined;
  sharedRules ??= new SchematronRules(setup);
  return (await validateNotice(setup.sdk, sharedRules, subtype, xml)).errors;
}

/** Stops the run's validator process (the root hooks, at the end). */
export function closeNoticeRules(): void {
  sharedRules?.close();
  sharedRules = undefined;
  espdRules?.close();
  espdRules = undefined;
}

/** The settings that point a platform at those tools. */
export const eformsEnv = (s: SchematronSetup): NodeJS.ProcessEnv => ({
  EFORMS_SDK: s.sdk,
  SCHXSLT: s.schxslt,
  SAXON_JAR: s.saxonJar,
  JAVA: s.java,
});

export interface Harness {
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  platform: Platform;
  mail: MailCatcher;
  stopWorkers(): Promise<void>;
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

/** Starts real services (FerretDB in a temporary folder, Redis, an SMTP catcher), the API on a free port and the workers. */
export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'procurement-test-'));
  const env = testEnv(dataDir);
  process.env.LOG_LEVEL = env.LOG_LEVEL;
  const standalone = await startStandalone(loadConfig(env), {
    database: `test_${env.QUEUE_PREFIX?.slice(5)}`,
    log: (m) => console.log(`      ${m}`),
    startWorkers,
  });
  const { services, platform } = standalone;
  return {
    baseUrl: standalone.baseUrl,
    env: {
      ...env,
      MONGODB_URI: services.config.mongodbUri,
      REDIS_URL: services.config.redisUrl,
      SMTP_URL: services.config.smtpUrl,
    },
    platform,
    mail: services.mailCatcher as MailCatcher,
    stopWorkers: () => standalone.stopWorkers(),
    startWorkers: () => standalone.startWorkers(),
    async close() {
      await standalone.stopWorkers();
      await Promise.all(queueNames.map((q) => platform.queues.queue(q).obliterate({ force: true })));
      await standalone.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let current: Harness | undefined;

/** The run's harness, started by the root hooks. */
export function harness(): Harness {
  if (!current) throw new Error('The test harness is not started');
  return current;
}

export function setHarness(h: Harness | undefined): void {
  current = h;
}

/** Polls until `check` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw last ?? new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Mail caught for one address, in arrival order. */
export function mailTo(address: string): CaughtMail[] {
  return harness().mail.messages.filter((m) => {
    const to = m.parsed.to;
    const text = Array.isArray(to) ? to.map((t) => t.text).join(',') : (to?.text ?? '');
    return text.toLowerCase().includes(address.toLowerCase());
  });
}
