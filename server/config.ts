import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FromSchema } from 'json-schema-to-ts';
import { envSchema } from '../schemas/env.js';
import type { BodyDeadlines, SheddingLimits } from './http/load-shedding.js';
import type { SchematronSetup } from './publication/schematron.js';
import type { RushSettings } from './rush.js';
import { ajv, fieldErrors } from './validation.js';

type Env = FromSchema<typeof envSchema>;

/** The validated settings, read once at start-up. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  mongodbUri: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  admin: { email: string; password: string; fromEnvironment: boolean };
  jwtSecret: string;
  bidEncryptionKey: Buffer;
  minTenderPeriod: string;
  minStandstillPeriod: string;
  /** What a significant change to a published tender leaves at least until its deadline. */
  minPeriodAfterChange: string;
  /** How long before the deadline an answer to a question asked in time must come (else it extends it). */
  minAnswerLead: string;
  /** How long before the submission deadline a complaint against the conditions may still be lodged. */
  complaintConditionsLead: string;
  /** How long the first-ranked vendor has to give the evidence of its ESPD before it is excluded. */
  evidencePeriod: string;
  dataDir: string;
  queuePrefix: string;
  logLevel: string;
  jobLockMs: number;
  reconcileEveryMs: number;
  /** How long after the submission deadline the opening waits for submissions still being stored. */
  bidSettleMs: number;
  /** How many documents a bid may carry, and how big each may be. */
  bidDocuments: { max: number; maxBytes: number };
  /** How big each of a tender's procurement documents may be (one per upload). */
  tenderDocuments: { max: number; maxBytes: number };
  /** Requests in flight per API process beyond which new ones are answered 503 at once (see `shedLoad`). */
  shedding: SheddingLimits;
  /** When follow-up work yields to the API's answers (see `server/rush.ts`). */
  rush: RushSettings;
  /** How long headers, a JSON body and each window of an upload may take (see `bodyDeadlines`). */
  deadlines: BodyDeadlines;
  /** A bearer token for Prometheus; without it only an administrator reads /metrics. */
  metricsToken: string | undefined;
  bodyLimit: string;
  startWorker: boolean;
  /** The eForms SDK and the tools that check notices against it; absent: notices stay `unvalidated`. */
  eforms: SchematronSetup | undefined;
  /** The ESPD-EDM folder (and the tools that run its rules); absent: tenders ask no ESPD. */
  espd: { folder: string; saxonJar: string; java: string } | undefined;
  eformsValidationTimeoutMs: number;
  /** TED's API for eSenders; absent: notices are not sent to TED. */
  ted: { apiKey: string; url: string; cvsUrl: string; pollMs: number; timeoutMs: number } | undefined;
}

/** Start-up refused: every bad or missing setting is named. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const validateEnv = ajv.compile(envSchema);
const numeric = new Set([
  'PORT',
  'JOB_LOCK_MS',
  'RECONCILE_EVERY_MS',
  'BID_SETTLE_MS',
  'MAX_IN_FLIGHT',
  'MAX_IN_FLIGHT_PER_CLIENT',
  'RUSH_IN_FLIGHT',
  'RUSH_MAX_YIELD_MS',
  'HEADERS_TIMEOUT_MS',
  'BODY_TIMEOUT_MS',
  'MIN_UPLOAD_RATE',
  'UPLOAD_WINDOW_MS',
  'BID_DOCUMENTS_MAX',
  'BID_DOCUMENT_MAX_BYTES',
  'EFORMS_VALIDATION_TIMEOUT_MS',
  'TED_POLL_MS',
  'TED_TIMEOUT_MS',
]);

/** Development secrets live under the data folder so that restarts keep sessions and sealed bids readable. */
function developmentSecrets(dataDir: string): { jwtSecret: string; bidEncryptionKey: string } {
  const file = path.join(dataDir, 'secrets.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    const secrets = {
      jwtSecret: randomBytes(32).toString('hex'),
      bidEncryptionKey: randomBytes(32).toString('hex'),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}

/** Reads and validates the environment; throws ConfigError naming every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(envSchema.properties)) {
    const value = source[key];
    if (value === undefined || value === '') continue;
    raw[key] = numeric.has(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  if (!validateEnv(raw)) {
    throw new ConfigError(fieldErrors(validateEnv.errors).map((e) => `${e.path.slice(1)} ${e.message}`));
  }
  const env = raw as Env & Required<Pick<Env, 'NODE_ENV' | 'PORT' | 'MAIL_FROM' | 'DATA_DIR'>>;
  const problems: string[] = [];
  if (env.NODE_ENV === 'production') {
    for (const key of ['MONGODB_URI', 'SMTP_URL', 'JWT_SECRET', 'BID_ENCRYPTION_KEY'] as const) {
      if (!env[key]) problems.push(`${key} is required in production`);
    }
  }
  if (Boolean(env.EFORMS_SDK) !== Boolean(env.SCHXSLT))
    problems.push('EFORMS_SDK and SCHXSLT are set together: SchXslt compiles the rules of the SDK');
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(env.DATA_DIR);
  const secrets =
    env.JWT_SECRET && env.BID_ENCRYPTION_KEY
      ? { jwtSecret: env.JWT_SECRET, bidEncryptionKey: env.BID_ENCRYPTION_KEY }
      : developmentSecrets(dataDir);
  const port = env.PORT;
  return Object.freeze({
    env: env.NODE_ENV,
    port,
    mongodbUri: env.MONGODB_URI,
    redisUrl: env.REDIS_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    admin: Object.freeze({
      email: env.ADMIN_EMAIL ?? 'admin@example.org',
      password: env.ADMIN_PASSWORD ?? 'change-me-development-only',
      fromEnvironment: Boolean(env.ADMIN_EMAIL && env.ADMIN_PASSWORD),
    }),
    jwtSecret: env.JWT_SECRET ?? secrets.jwtSecret,
    bidEncryptionKey: Buffer.from(env.BID_ENCRYPTION_KEY ?? secrets.bidEncryptionKey, 'hex'),
    minTenderPeriod: env.MIN_TENDER_PERIOD ?? 'P30D',
    minStandstillPeriod: env.MIN_STANDSTILL_PERIOD ?? 'P10D',
    minPeriodAfterChange: env.MIN_PERIOD_AFTER_CHANGE ?? 'P7D',
    minAnswerLead: env.MIN_ANSWER_LEAD ?? 'P6D',
    complaintConditionsLead: env.COMPLAINT_CONDITIONS_LEAD ?? 'P4D',
    evidencePeriod: env.EVIDENCE_PERIOD ?? 'P10D',
    dataDir,
    queuePrefix: env.QUEUE_PREFIX ?? 'procurement',
    logLevel: env.LOG_LEVEL ?? 'info',
    jobLockMs: env.JOB_LOCK_MS ?? 30000,
    reconcileEveryMs: env.RECONCILE_EVERY_MS ?? 60000,
    bidSettleMs: env.BID_SETTLE_MS ?? 30000,
    bidDocuments: Object.freeze({
      max: env.BID_DOCUMENTS_MAX ?? 10,
      maxBytes: env.BID_DOCUMENT_MAX_BYTES ?? 26214400,
    }),
    tenderDocuments: Object.freeze({ max: 1, maxBytes: env.TENDER_DOCUMENT_MAX_BYTES ?? 52428800 }),
    shedding: Object.freeze({
      maxInFlight: env.MAX_IN_FLIGHT ?? 256,
      perClient: env.MAX_IN_FLIGHT_PER_CLIENT ?? 32,
      anonymousShare: Number(env.ANONYMOUS_SHARE ?? '0.25'),
    }),
    rush: Object.freeze({
      inFlight: env.RUSH_IN_FLIGHT ?? 16,
      maxYieldMs: env.RUSH_MAX_YIELD_MS ?? 5000,
    }),
    deadlines: Object.freeze({
      headersMs: env.HEADERS_TIMEOUT_MS ?? 10000,
      jsonBodyMs: env.BODY_TIMEOUT_MS ?? 5000,
      minUploadBytesPerSecond: env.MIN_UPLOAD_RATE ?? 10240,
      uploadWindowMs: env.UPLOAD_WINDOW_MS ?? 10000,
    }),
    metricsToken: env.METRICS_TOKEN,
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    startWorker: env.START_WORKER !== 'false',
    eforms:
      env.EFORMS_SDK && env.SCHXSLT
        ? Object.freeze({
            sdk: path.resolve(env.EFORMS_SDK),
            schxslt: path.resolve(env.SCHXSLT),
            saxonJar: env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar',
            java: env.JAVA ?? 'java',
          })
        : undefined,
    espd: env.ESPD_EDM
      ? Object.freeze({
          folder: path.resolve(env.ESPD_EDM),
          saxonJar: env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar',
          java: env.JAVA ?? 'java',
        })
      : undefined,
    eformsValidationTimeoutMs: env.EFORMS_VALIDATION_TIMEOUT_MS ?? 120000,
    ted: env.TED_API_KEY
      ? Object.freeze({
          apiKey: env.TED_API_KEY,
          url: (env.TED_API_URL ?? 'https://enotices2.ted.europa.eu/esenders').replace(/\/$/, ''),
          cvsUrl: (env.TED_CVS_URL ?? 'https://api.ted.europa.eu').replace(/\/$/, ''),
          pollMs: env.TED_POLL_MS ?? 3600000,
          timeoutMs: env.TED_TIMEOUT_MS ?? 30000,
        })
      : undefined,
  });
}
