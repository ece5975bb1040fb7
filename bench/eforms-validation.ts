/**
 * What validating an eForms notice costs: the first check of a subtype (the Java process starting
 * and the subtype's rules compiled), then per notice the XSD (libxml2) and the Schematron rules
 * (Saxon-HE, rules kept compiled), on the SDK's own minimal contract notice and on a contract
 * notice as the platform makes it (five lots, four joint buyers, the time to make it too). `EFORMS_SDK`,
 * `SCHXSLT` and `SAXON_JAR` name the tools (defaults: the shared folders beside the project and
 * Debian's Saxon-HE); `ROUNDS` notices (default 20).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../server/paths.js';
import { contractNotice } from '../server/publication/contract-notice.js';
import type { NoticeParty } from '../server/publication/eforms-parts.js';
import { SchematronRules } from '../server/publication/schematron.js';
import { schemaProblems } from '../server/publication/xsd.js';
import { xmlDocument } from '../server/xml.js';

const shared = path.join(projectRoot, '..', 'shared');
const sdk = process.env.EFORMS_SDK ?? path.join(shared, 'eforms-sdk');
const rules = new SchematronRules({
  sdk,
  schxslt: process.env.SCHXSLT ?? path.join(shared, 'schxslt-1.10.1'),
  saxonJar: process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar',
  java: process.env.JAVA ?? 'java',
});
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const xml = readFileSync(path.join(sdk, 'examples', 'notices', 'cn_24_minimal.xml'), 'utf8');
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
const timed = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
/** A SOC tender as the platform publishes it: five lots, the Centre and three members as buyers. */
function platformNotice(): string {
  const party = (n: number, name: string, country: string, nuts: string): NoticeParty => ({
    key: `ORG-000${n}`,
    name,
    country,
    city: 'Capital',
    postalCode: '1000',
    nuts,
    registrationNumber: `${country}-${n}`,
    email: `org${n}@example.org`,
    phone: '+32 2 555 0000',
  });
  const day = 86_400_000;
  const lots = ['SIEM', 'EDR/XDR', 'NDR', 'Threat intelligence', 'AI anomaly detection'].map((title, i) => ({
    number: i + 1,
    title,
    description: `${title} for three cross-border SOCs`,
    cpvCodes: ['48730000', '72212730'],
    estimatedValueCents: 600_000_000,
    award: { qualityWeight: 0.6, priceWeight: 0.4, criteria: [{ key: 'd', title: 'Detection', weight: 1 }] },
  }));
  return xmlDocument(
    contractNotice({
      noticeId: '8f1c2b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c',
      version: '01',
      procedureId: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
      issuedAt: new Date(),
      reference: 'ECCC/SOC/2027/01',
      title: 'Detection tools for cross-border SOCs',
      description: 'Joint procurement of detection tools.',
      cpvCodes: ['48730000'],
      procedureType: 'open',
      contractDuration: 'P36M',
      placeOfPerformance: 'BE100',
      lots,
      selectionCriteria: [{ key: 'refs', title: 'Three references' }],
      questionsDeadline: new Date(Date.now() + 20 * day),
      submissionDeadline: new Date(Date.now() + 35 * day),
      openingAt: new Date(Date.now() + 35 * day),
      tenderUrl: 'https://procurement.example.eu/tenders/1',
      documentsUrl: 'https://procurement.example.eu/tenders/1',
      buyers: [
        party(1, 'European Cybersecurity Competence Centre', 'RO', 'RO321'),
        party(2, 'CERT Belgium', 'BE', 'BE100'),
        party(3, 'NCSC Netherlands', 'NL', 'NL321'),
        party(4, 'BSI', 'DE', 'DE300'),
      ],
      reviewBody: party(5, 'General Court of the European Union', 'LU', 'LU000'),
      reviewDeadlines: 'Before the standstill ends.',
      euProgramme: 'DIGITALEU',
    }),
  );
}

try {
  const made: number[] = [];
  let ours = '';
  for (let i = 0; i < ROUNDS; i++) made.push(await timed(async () => (ours = platformNotice())));
  const first = await timed(() => rules.check('16', xml));
  const xsd: number[] = [];
  const schematron: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    xsd.push(await timed(() => schemaProblems(sdk, xml)));
    schematron.push(await timed(() => rules.check('16', xml)));
  }
  console.log(`first check of subtype 16 (Java started, rules compiled): ${(first / 1000).toFixed(1)} s`);
  console.log(
    `per notice, median of ${ROUNDS} (min–max): XSD ${median(xsd).toFixed(0)} ms (${Math.min(...xsd).toFixed(0)}–${Math.max(...xsd).toFixed(0)}), ` +
      `Schematron ${median(schematron).toFixed(0)} ms (${Math.min(...schematron).toFixed(0)}–${Math.max(...schematron).toFixed(0)})`,
  );
  const oursXsd: number[] = [];
  const oursRules: number[] = [];
  let broken = 0;
  for (let i = 0; i < ROUNDS; i++) {
    oursXsd.push(await timed(async () => (broken += (await schemaProblems(sdk, ours)).length)));
    oursRules.push(
      await timed(
        async () =>
          (broken += (await rules.check('16', ours)).filter((p) => p.severity !== 'warning').length),
      ),
    );
  }
  console.log(
    `the platform's contract notice (5 lots, 4 buyers, ${(ours.length / 1024).toFixed(0)} KiB): made in ${median(made).toFixed(1)} ms, ` +
      `XSD ${median(oursXsd).toFixed(0)} ms, Schematron ${median(oursRules).toFixed(0)} ms per notice; ${broken} rules broken`,
  );
} finally {
  rules.close();
}
