/**
 * `npm run demo`: the whole story through the HTTP API, with realistic data, narrated.
 * It runs its own platform (embedded services, API and workers) with the legal minimum periods
 * shortened, keeps what it made under `.data/demo/`, and stops when the story is told.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { startStandalone } from '../server/embedded/standalone.js';
import { startWorkers } from '../workers/run.js';

const run = randomBytes(3).toString('hex');
const dataDir = path.resolve(process.env.DATA_DIR ?? '.data', 'demo');
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  MIN_TENDER_PERIOD: 'PT0S',
  MIN_STANDSTILL_PERIOD: 'PT0S',
  QUEUE_PREFIX: `demo-${run}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  ADMIN_EMAIL: 'admin@eccc.demo',
  ADMIN_PASSWORD: 'demo-admin-password',
  JOB_LOCK_MS: '5000',
};
let base = '';
const say = (text = '') => console.log(text);
const step = (n: number, text: string) => say(`\n\x1b[1m${n}. ${text}\x1b[0m`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const euro = (cents: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const pad = (s: unknown, n: number) =>
  String(s ?? '—')
    .padEnd(n)
    .slice(0, n);

async function api(
  method: string,
  url: string,
  token?: string,
  body?: unknown,
  allowFailure = false,
  // biome-ignore lint/suspicious/noExplicitAny: the demo reads answers loosely, as a script would
): Promise<any> {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const type = res.headers.get('content-type') ?? '';
  const answer = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
  if (res.status >= 400 && !allowFailure) {
    throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(answer)}`);
  }
  return answer;
}

async function until<T>(
  check: () => Promise<T | undefined | false | null>,
  what: string,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await sleep(250);
  }
}

async function person(admin: string, role: string, organisationId: string, name: string, language = 'en') {
  const local = name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  const email = `${local}.${run}@demo.eu`;
  const password = `demo-${run}-password`;
  await api('POST', '/users', admin, { email, name, password, role, organisationId, language });
  const { token, user } = await api('POST', '/auth/login', undefined, { email, password });
  return { token, id: user.id as string, organisationId, name, email };
}

async function organisation(
  admin: string,
  name: string,
  kind: string,
  country: string,
  language = 'en',
  publicBody = true,
) {
  const org = await api('POST', '/organisations', admin, {
    name: `${name} ${run}`,
    kind,
    country,
    publicBody,
    email: `contact.${run}@${country.toLowerCase()}.demo.eu`,
    language,
  });
  return org.id as string;
}

async function story(admin: string, centre: string, mailDir: string) {
  step(1, 'The Centre staffs the procedure: a procurement officer and an evaluation committee of three');
  const officer = await person(admin, 'procurement-officer', centre, 'Ioana Popescu');
  const evaluators = [
    await person(admin, 'evaluator', centre, 'Marta Kowalska'),
    await person(admin, 'evaluator', centre, 'Jean Dupont'),
    await person(admin, 'evaluator', centre, 'Eva Novák'),
  ];
  say(`   officer ${officer.name}; evaluators ${evaluators.map((e) => e.name).join(', ')}`);

  step(2, 'Hosting entities from six Member States register');
  const entity = async (name: string, country: string, language: string, rep: string, publicBody = true) =>
    person(
      admin,
      'entity-representative',
      await organisation(admin, name, 'hosting-entity', country, language, publicBody),
      rep,
      language,
    );
  const be = await entity('Centre for Cybersecurity Belgium', 'BE', 'en', 'Lotte Peeters');
  const nl = await entity('Nationaal Cyber Security Centrum', 'NL', 'nl', 'Daan de Vries');
  const de = await entity('Bundesamt für Sicherheit in der Informationstechnik', 'DE', 'en', 'Jürgen Müller');
  const fr = await entity(
    'Agence nationale de la sécurité des systèmes d’information',
    'FR',
    'en',
    'Élodie Martin',
  );
  const pl = await entity('Naukowa i Akademicka Sieć Komputerowa', 'PL', 'en', 'Łukasz Nowak');
  const it = await entity('Sicurezza Digitale S.p.A.', 'IT', 'en', 'Giulia Rossi', false);
  say('   BE, NL, DE, FR, PL public bodies; one Italian private company (not a public body)');

  step(3, 'Two consortia form; the second one fails eligibility');
  const consortium = async (
    coordinator: typeof be,
    name: string,
    cents: number,
    members: [typeof be, number][],
  ) => {
    const c = await api('POST', '/consortia', coordinator.token, {
      name: `${name} ${run}`,
      contributionCents: cents,
    });
    for (const [m, contribution] of members) {
      await api('POST', `/consortia/${c.id}/invitations`, coordinator.token, {
        organisationId: m.organisationId,
        contributionCents: contribution,
      });
      await api('POST', `/consortia/${c.id}/invitations/${m.organisationId}/accept`, m.token);
    }
    return c.id as string;
  };
  const north = await consortium(be, 'North-West SOC Alliance', 500_000_00, [
    [nl, 300_000_00],
    [de, 200_000_00],
  ]);
  await api('POST', `/consortia/${north}/agreement`, be.token);
  const northView = await api('GET', `/consortia/${north}`, be.token);
  say(
    `   North-West SOC Alliance (BE coordinator, NL, DE): eligible=${northView.eligibility.eligible}, voting weights ${northView.votingWeights.map((w: { weight: number }) => w.weight).join(' / ')}`,
  );
  const south = await consortium(fr, 'Southern Shield', 400_000_00, [
    [pl, 100_000_00],
    [it, 100_000_00],
  ]);
  const refused = await api('POST', `/consortia/${south}/agreement`, fr.token, undefined, true);
  say(
    `   Southern Shield (FR, PL, IT company): agreement refused — ${refused.errors.map((e: { message: string }) => e.message).join(' ')}`,
  );

  step(4, 'The Centre publishes a call for expressions of interest (EUR 30 million, 75 % co-funding)');
  const call = await api('POST', '/calls', officer.token, {
    reference: `ECCC-2026-SOC-${run}`,
    title: 'Cross-border SOC platforms: joint procurement of detection tools',
    description:
      'Hosting and operation of cross-border SOC platforms, with jointly procured detection tools (Digital Europe Programme).',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 8_000).toISOString(),
    budgetCents: 30_000_000_00,
    cofundingRate: 0.75,
    minMemberStates: 3,
    criteria: [
      { key: 'capacity', title: 'Operational capacity', weight: 3, maxScore: 10, threshold: 5 },
      { key: 'cross-border', title: 'Cross-border value', weight: 2, maxScore: 10, threshold: 5 },
      { key: 'sustainability', title: 'Sustainability of hosting', weight: 1, maxScore: 10, threshold: 4 },
    ],
  });
  await api('POST', `/calls/${call.id}/publish`, officer.token);
  say(`   ${call.reference} published; every hosting entity's representative is e-mailed in their language`);

  step(5, 'The alliance drafts its expression of interest and approves it by weighted vote');
  const eoi = await api('POST', `/calls/${call.id}/expressions`, be.token, {
    consortiumId: north,
    summary: 'A cross-border SOC for the Benelux and Germany, sharing detections among national CSIRTs.',
    tools: [
      { category: 'siem', description: 'SIEM, 60 000 EPS, EU-hosted', estimatedCostCents: 9_000_000_00 },
      { category: 'ndr', description: 'NDR sensors at 12 exchange points', estimatedCostCents: 6_000_000_00 },
      {
        category: 'ai-anomaly-detection',
        description: 'AI-based anomaly detection',
        estimatedCostCents: 5_000_000_00,
      },
    ],
    requestedEuContributionCents: 15_000_000_00,
    hostingYears: 5,
  });
  const resolution = await api('POST', `/consortia/${north}/resolutions`, nl.token, {
    subject: 'Approve the expression of interest',
    expressionId: eoi.id,
  });
  for (const [voter, vote] of [
    [be, 'yes'],
    [de, 'abstain'],
    [de, 'yes'],
    [nl, 'yes'],
  ] as const) {
    const r = await api('POST', `/consortia/${north}/resolutions/${resolution.id}/votes`, voter.token, {
      vote,
    });
    say(
      `   ${pad(voter.name, 16)} votes ${pad(vote, 8)} → yes ${(r.tally.yes * 100).toFixed(0)} % of all weights: ${r.outcome}`,
    );
    if (r.outcome !== 'open') break;
  }
  await api('POST', `/expressions/${eoi.id}/submit`, be.token);
  const checked = await until(async () => {
    const e = await api('GET', `/expressions/${eoi.id}`, officer.token);
    return e.status !== 'submitted' && e;
  }, 'eligibility');
  say(`   submitted; eligibility checked in the background: ${checked.status}`);

  step(6, 'Evaluators declare no conflict of interest and score; selection after the call closes');
  for (const e of evaluators) {
    await api('POST', `/calls/${call.id}/evaluators`, officer.token, { userId: e.id });
    await api('POST', `/calls/${call.id}/coi`, e.token, { conflict: false });
  }
  const marks = [
    [8, 7, 6],
    [9, 8, 7],
    [8, 9, 6],
  ];
  for (const [i, e] of evaluators.entries()) {
    for (const [j, key] of ['capacity', 'cross-border', 'sustainability'].entries()) {
      await api('POST', `/expressions/${eoi.id}/scores`, e.token, {
        criterion: key,
        score: marks[i]?.[j],
        comment: 'Solid plan',
      });
    }
  }
  await sleep(Math.max(0, new Date(call.closesAt).getTime() - Date.now() + 100));
  await api('POST', `/calls/${call.id}/selection`, officer.token);
  await until(
    async () => (await api('GET', `/calls/${call.id}`, officer.token)).selection.status === 'done',
    'selection',
  );
  const results = await api('GET', `/calls/${call.id}/results`, officer.token);
  for (const line of results.items) {
    say(
      `   rank ${line.rank}: ${line.consortiumName} — total ${line.totalRounded} / 100, ${line.selected ? `SELECTED, EU grant ${euro(line.euAmountGrantedCents)}` : 'not selected'}`,
    );
  }

  step(
    7,
    'Five vendors subscribe to CPV 4873 (security software); a tender with two lots is approved and published',
  );
  const vendorNames: [string, string, string][] = [
    ['Sentinel Analytics SAS', 'FR', 'en'],
    ['Wächter Netzwerkschutz GmbH', 'DE', 'en'],
    ['Polder Security B.V.', 'NL', 'nl'],
    ['Bałtyk Cyber Sp. z o.o.', 'PL', 'en'],
    ['Iberia Threat Intel S.L.', 'ES', 'en'],
  ];
  const vendors = [];
  for (const [name, country, language] of vendorNames) {
    const org = await organisation(admin, name, 'vendor', country, language, false);
    const v = await person(admin, 'vendor', org, `${name.split(' ')[0]} sales`, language);
    await api('PUT', `/organisations/${org}/subscriptions`, v.token, { cpvPrefixes: ['4873'] });
    vendors.push({ ...v, company: name });
  }
  const tender = await api('POST', '/tenders', officer.token, {
    expressionId: eoi.id,
    reference: `ECCC-JP-${run}`,
    title: 'Detection tools for the North-West cross-border SOC',
    description: 'Lot 1: SIEM platform. Lot 2: network detection and response.',
    cpvCodes: ['48730000', '72212730'],
    lots: [
      { number: 1, title: 'SIEM platform', estimatedValueCents: 9_000_000_00 },
      { number: 2, title: 'Network detection and response', estimatedValueCents: 6_000_000_00 },
    ],
    questionsDeadline: new Date(Date.now() + 4_000).toISOString(),
    submissionDeadline: new Date(Date.now() + 9_000).toISOString(),
    standstillPeriod: 'PT6S',
    award: {
      qualityWeight: 0.6,
      priceWeight: 0.4,
      qualityThreshold: 0.65,
      criteria: [
        { key: 'detection', title: 'Detection coverage', weight: 2, maxScore: 10, threshold: 5 },
        { key: 'service', title: 'Service levels', weight: 1, maxScore: 10, threshold: 5 },
      ],
    },
    selectionCriteria: [{ key: 'turnover', title: 'Annual turnover of at least EUR 5 M' }],
  });
  const approval = await api('POST', `/consortia/${north}/resolutions`, be.token, {
    subject: 'Approve the tender specifications',
    tenderId: tender.id,
  });
  for (const m of [be, nl, de]) {
    const r = await api('POST', `/consortia/${north}/resolutions/${approval.id}/votes`, m.token, {
      vote: 'yes',
    });
    if (r.outcome === 'passed') break; // BE and NL hold 80 % of the weights: passed before DE votes
  }
  await api('POST', `/tenders/${tender.id}/publish`, officer.token);
  say(`   ${tender.reference} published (lots: SIEM, NDR); the five vendors are e-mailed`);

  step(8, 'A clarification is asked and answered for everyone, without naming who asked');
  const q = await api('POST', `/tenders/${tender.id}/questions`, vendors[1]?.token, {
    text: 'May the SIEM be offered as a managed service hosted in the EU?',
  });
  await api('POST', `/tenders/${tender.id}/questions/${q.id}/answer`, officer.token, {
    text: 'Yes, provided all data stays in the EU.',
  });
  say(
    '   Q: May the SIEM be offered as a managed service hosted in the EU?  A: Yes, provided all data stays in the EU.',
  );

  step(9, 'Sealed bids arrive; each vendor gets a receipt with the time and a SHA-256');
  const offers: [number, number, number][] = [
    [0, 1, 7_200_000_00],
    [1, 1, 6_900_000_00],
    [2, 1, 3_900_000_00],
    [3, 1, 7_600_000_00],
    [4, 2, 4_800_000_00],
    [1, 2, 5_100_000_00],
  ];
  const bids: { id: string; vendor: number; lot: number }[] = [];
  for (const [vi, lot, price] of offers) {
    const vendor = vendors[vi] as (typeof vendors)[number];
    const receipt = await api('POST', `/tenders/${tender.id}/bids`, vendor.token, {
      lot,
      priceCents: price,
      technicalOffer: `${vendor.company}: offer for lot ${lot}, 24/7 support from the EU.`,
      declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
    });
    bids.push({ id: receipt.id, vendor: vi, lot });
    say(
      `   ${pad(vendor.company, 30)} lot ${lot}  received ${receipt.receivedAt}  sha256 ${receipt.sha256.slice(0, 16)}…`,
    );
  }
  const sealed = await api('GET', `/tenders/${tender.id}/bids`, officer.token);
  say(
    `   before opening the officer sees only counts: ${sealed.lots.map((l: { lot: number; bids: number }) => `lot ${l.lot}: ${l.bids}`).join(', ')}`,
  );

  step(10, 'The deadline passes; the bids are opened and checked against their receipts');
  await until(
    async () => (await api('GET', `/tenders/${tender.id}`, officer.token)).openedAt,
    'opening',
    60_000,
  );
  say('   opened; every bid matches its receipt digest');

  step(11, 'Checks, conflict-of-interest declarations, scores and the evaluation');
  for (const e of evaluators) {
    await api('POST', `/tenders/${tender.id}/evaluators`, officer.token, { userId: e.id });
    await api('POST', `/tenders/${tender.id}/coi`, e.token, { conflict: false });
  }
  for (const b of bids) {
    const excluded = b.vendor === 3 && b.lot === 1;
    await api(
      'POST',
      `/bids/${b.id}/checks`,
      officer.token,
      excluded
        ? {
            exclusion: 'fail',
            selection: 'pass',
            reason: 'Tax arrears established by a final decision (art. 57(2))',
          }
        : { exclusion: 'pass', selection: 'pass' },
    );
  }
  const quality: Record<number, [number, number]> = { 0: [8, 8], 1: [9, 7], 2: [7, 7], 3: [6, 6], 4: [8, 9] };
  for (const e of evaluators) {
    for (const b of bids) {
      if (b.vendor === 3 && b.lot === 1) continue;
      const [detection, service] =
        b.lot === 2 && b.vendor === 1 ? [7, 6] : (quality[b.vendor] as [number, number]);
      await api('POST', `/bids/${b.id}/scores`, e.token, { criterion: 'detection', score: detection });
      await api('POST', `/bids/${b.id}/scores`, e.token, { criterion: 'service', score: service });
    }
  }
  await api('POST', `/tenders/${tender.id}/evaluation`, officer.token);
  // biome-ignore lint/suspicious/noExplicitAny: read loosely, as above
  const evaluation: any = await until(async () => {
    const res = await fetch(`${base}/api/v1/tenders/${tender.id}/evaluation`, {
      headers: { authorization: `Bearer ${officer.token}` },
    });
    return res.status === 200 && res.json();
  }, 'evaluation');
  for (const lot of evaluation.lots) {
    say(`   Lot ${lot.lot}:  rank  vendor                          Q       P       total   flags`);
    for (const b of lot.bids) {
      const flags = Object.entries(b.flags)
        .filter(([, on]) => on)
        .map(([k]) => k)
        .join(',');
      say(
        `           ${pad(b.rank, 5)} ${pad(b.vendorName, 31)} ${pad(b.rounded.quality, 7)} ${pad(b.rounded.price, 7)} ${pad(b.rounded.total, 7)} ${flags}`,
      );
    }
  }

  step(
    12,
    'Awards: the abnormally low SIEM bid is awarded only with the vendor’s explanation; every bidder is told',
  );
  const awarded = [];
  for (const lot of evaluation.lots) {
    const winner = lot.bids.find((b: { rank: number }) => b.rank === 1);
    const res = await api('POST', `/tenders/${tender.id}/awards`, officer.token, {
      lot: lot.lot,
      bidId: winner.bidId,
      ...(winner.flags.abnormallyLow
        ? {
            lowPriceExplanation:
              'Existing licences and a regional operations centre lower the cost; explanation accepted.',
          }
        : {}),
    });
    awarded.push(res.award);
    say(
      `   lot ${lot.lot} → ${winner.vendorName}${winner.flags.abnormallyLow ? ' (abnormally low: explanation recorded)' : ''}; standstill until ${res.award.standstillEndsAt}`,
    );
  }
  const early = await api('POST', `/tenders/${tender.id}/contracts`, officer.token, { lot: 1 }, true);
  say(`   a contract during the standstill is refused (${early.status}): ${early.detail}`);

  step(
    13,
    'After the standstill: contracts with the EU / member cost split, as PDFs, e-mailed to the parties',
  );
  await sleep(
    Math.max(
      0,
      ...awarded.map(
        (a: { standstillEndsAt: string }) => new Date(a.standstillEndsAt).getTime() - Date.now() + 200,
      ),
    ),
  );
  const pdfDir = path.join(dataDir, 'pdfs', run);
  mkdirSync(pdfDir, { recursive: true });
  for (const lot of [1, 2]) {
    const { contractId } = await api('POST', `/tenders/${tender.id}/contracts`, officer.token, { lot });
    const contract = await until(async () => {
      const c = await api('GET', `/contracts/${contractId}`, officer.token);
      return c.status === 'ready' && c;
    }, 'contract PDF');
    const pdf = await api('GET', `/contracts/${contractId}/pdf`, officer.token);
    const file = path.join(pdfDir, `contract-${contract.number}.pdf`);
    writeFileSync(file, pdf);
    say(`   ${contract.number}: value ${euro(contract.valueCents)}`);
    say(`      EU (Digital Europe Programme) ${euro(contract.split.euCents)}`);
    const names = new Map([
      [be.organisationId, 'Belgium (CCB)'],
      [nl.organisationId, 'Netherlands (NCSC-NL)'],
      [de.organisationId, 'Germany (BSI)'],
    ]);
    for (const m of contract.split.members)
      say(`      ${pad(names.get(m.organisationId), 30)} ${euro(m.cents)}`);
    say(`      PDF: ${file}`);
  }
  const report = await api('GET', `/tenders/${tender.id}/report.pdf`, officer.token);
  writeFileSync(path.join(pdfDir, 'evaluation-report.pdf'), report);
  say(`   evaluation report: ${path.join(pdfDir, 'evaluation-report.pdf')}`);

  step(14, 'Every notice, in its recipient’s language, with its delivery status');
  const notices = await until(
    async () => {
      const n = await api('GET', '/notices?limit=100', officer.token);
      const pending = n.items.filter((x: { status: string }) => x.status === 'pending').length;
      return pending === 0 && n;
    },
    'notices to be delivered',
    60_000,
  );
  const byTemplate = new Map<string, number>();
  for (const n of notices.items) byTemplate.set(n.template, (byTemplate.get(n.template) ?? 0) + 1);
  say(`   ${notices.total} notices: ${[...byTemplate].map(([t, n]) => `${t} ×${n}`).join(', ')}`);
  const verify = await api('GET', '/audit/verify', admin);
  say(`   audit chain: ${verify.events} events, valid=${verify.valid}`);
  say(`   e-mails are saved as .eml files in ${mailDir}`);
  const ocds = await api('GET', `/tenders/${tender.id}/ocds`, officer.token);
  say(`   OCDS release: ${ocds.releases[0].ocid} (tags ${ocds.releases[0].tag.join(', ')})`);
}

async function main(): Promise<void> {
  const started = Date.now();
  say('Starting a demo platform (embedded database, Redis, mail catcher, API, workers)…');
  const standalone = await startStandalone(loadConfig(env), { database: `demo_${run}`, startWorkers });
  base = standalone.baseUrl;
  try {
    const { token: admin } = await api('POST', '/auth/login', undefined, {
      email: env.ADMIN_EMAIL,
      password: env.ADMIN_PASSWORD,
    });
    const centre = (await api('GET', '/organisations?kind=contracting-authority', admin)).items[0].id;
    await story(admin, centre, path.join(dataDir, 'mail'));
    say(`\nThe story took ${((Date.now() - started) / 1000).toFixed(0)} s. Files are under ${dataDir}.`);
  } finally {
    await standalone.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
