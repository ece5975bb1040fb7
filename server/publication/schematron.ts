import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../paths.js';
import type { NoticeProblem } from './notice-validation.js';
import { fieldOfDiagnostic, readableLocation, ruleMessage } from './rule-messages.js';

// The Schematron half of an eForms notice's validation: the SDK's static rules, compiled by SchXslt
// and run by Saxon-HE in one long-lived Java process (scripts/schematron/SchematronService.java):
// compiling a subtype's rules takes seconds, so each is compiled once per process and kept, and a
// notice then takes a fraction of a second. Requests go one line each way; notices pass as files.

export interface SchematronSetup {
  /** The SDK folder (`schematrons/static/complete-validation.sch` in it). */
  sdk: string;
  /** SchXslt's XSLT 2.0 folder. */
  schxslt: string;
  /** Saxon-HE's jar, and the Java that runs it. */
  saxonJar: string;
  java: string;
}

interface Pending {
  resolve: (findings: RuleFinding[]) => void;
  reject: (err: Error) => void;
}

/** What a validator process needs: Saxon-HE and Java; for the eForms SDK's rules, SchXslt and the SDK too. */
export type ValidatorSetup = Pick<SchematronSetup, 'saxonJar' | 'java'> & Partial<SchematronSetup>;

/** One assertion of a rule set as the validator reports it. */
export interface RuleFinding {
  id: string;
  role: string | null;
  flag: string | null;
  location: string;
  test: string | null;
  field: string | null;
  text: string;
}

/** One validator process, started at its first use and kept. */
export class SchematronRules {
  private child?: ChildProcessWithoutNullStreams;
  private ready?: Promise<void>;
  private readonly pending = new Map<string, Pending>();
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'eforms-notices-'));

  constructor(private readonly setup: ValidatorSetup) {}

  private start(): Promise<void> {
    const { sdk, schxslt, saxonJar, java } = this.setup;
    const child = spawn(
      java,
      [
        '-Xss8m',
        '-cp',
        saxonJar,
        path.join(projectRoot, 'scripts', 'schematron', 'SchematronService.java'),
        ...(sdk && schxslt
          ? [schxslt, path.join(sdk, 'schematrons', 'static', 'complete-validation.sch')]
          : []),
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child = child;
    let errors = '';
    child.stderr.on('data', (b: Buffer) => {
      errors = (errors + b.toString()).slice(-4000);
    });
    const lines = createInterface({ input: child.stdout });
    const ready = new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        if (line === 'ready') return resolve();
        const [id, status, payload] = line.split('\t');
        const waiting = this.pending.get(id ?? '');
        if (!waiting) return;
        this.pending.delete(id ?? '');
        if (status !== 'OK') return waiting.reject(new Error(`Schematron validation failed: ${payload}`));
        waiting.resolve(JSON.parse(payload ?? '[]') as RuleFinding[]);
      });
      child.once('error', reject);
      child.once('exit', (code) => {
        const err = new Error(`The Schematron validator stopped (${code}): ${errors.trim()}`);
        reject(err);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        this.child = undefined;
        this.ready = undefined;
      });
    });
    return ready;
  }

  /** Every rule of the subtype's phase (`eforms-16`, `eforms-29`, `eforms-CEI`…) the notice breaks or warns of. */
  async check(subtype: string, xml: string): Promise<NoticeProblem[]> {
    const sdk = this.setup.sdk ?? '';
    return (await this.run(`eforms-${subtype}`, xml)).map((f) => {
      const field = fieldOfDiagnostic(f.field ?? '');
      return {
        source: 'schematron' as const,
        rule: f.id,
        severity: (f.role ?? 'ERROR').toUpperCase() === 'WARN' ? ('warning' as const) : ('error' as const),
        message: ruleMessage(sdk, f.id, field, f.test ?? undefined),
        ...(field ? { field } : {}),
        location: readableLocation(f.location),
      };
    });
  }

  /** What a phase (or `xslt:<file>`, rules compiled to XSLT) finds in a document. */
  async run(phase: string, xml: string): Promise<RuleFinding[]> {
    this.ready ??= this.start();
    await this.ready;
    const id = randomUUID();
    const file = path.join(this.dir, `${id}.xml`);
    writeFileSync(file, xml);
    try {
      return await new Promise<RuleFinding[]>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.child?.stdin.write(`${id}\t${phase}\t${file}\n`);
      });
    } finally {
      rmSync(file, { force: true });
    }
  }

  /** Stops the process (a later check starts another). */
  close(): void {
    this.child?.stdin.end();
    this.child?.kill();
    this.child = undefined;
    this.ready = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
