import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { until } from '../procedure.js';
import type { callStory } from './call-story.js';
import { advancePast } from './clock.js';
import {
  api,
  client,
  DAY,
  dataDir,
  euro,
  organisation,
  pad,
  person,
  run,
  say,
  step,
  steps,
} from './narration.js';
import { reviewStory } from './review-story.js';

/** Chapters 7–16: the tender, clarifications, sealed bids, a lot cancelled, opening, evaluation, awards, contracts, e-mails and the EU notices. */
export async function tenderStory(
  admin: string,
  story: Awaited<ReturnType<typeof callStory>>,
  mailDir: string,
) {
  const { officer, openers, evaluators, be, nl, de, north, eoiId } = story;
  step(
    7,
    'Five vendors subscribe to CPV 4873 (security software); a tender with three lots is approved and published',
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
  const tender = await steps.publishedTender(
    officer,
    { id: north, members: [be, nl, de] },
    {
      expressionId: eoiId,
      reference: `ECCC-JP-${run}`,
      title: 'Detection tools for the North-West cross-border SOC',
      description: 'Lot 1: SIEM platform. Lot 2: network detection and response.',
      cpvCodes: ['48730000', '72212730'],
      contractDuration: 'P36M',
      placeOfPerformance: 'BE100',
      lots: [
        { number: 1, title: 'SIEM platform', estimatedValueCents: 9_000_000_00 },
        { number: 2, title: 'Network detection and response', estimatedValueCents: 6_000_000_00 },
        { number: 3, title: 'AI anomaly detection', estimatedValueCents: 5_000_000_00 },
      ],
      // The law's periods: 30 days at least to tender, 10 days of standstill (the default).
      questionsDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
      submissionDeadline: new Date(Date.now() + 35 * DAY).toISOString(),
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
    },
    openers,
  );
  say(
    `   opening committee: ${openers.map((o) => o.name).join(', ')}, quorum 2; each set a secret, and at publication the tender's key was split among them`,
  );
  // BE and NL hold 80 % of the weights: the approval passes before DE votes.
  say(
    `   ${tender.reference} published (lots: SIEM, NDR, AI anomaly detection; bids until ${tender.submissionDeadline}); the five vendors are e-mailed`,
  );

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
    [2, 3, 4_400_000_00],
  ];
  const bids: { id: string; vendor: number; lot: number }[] = [];
  for (const [vi, lot, price] of offers) {
    const vendor = vendors[vi] as (typeof vendors)[number];
    const receipt = await steps.submitBid(vendor, tender.id, {
      lot,
      priceCents: price,
      technicalOffer: `${vendor.company}: offer for lot ${lot}, 24/7 support from the EU.`,
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

  step(10, 'Lot 3 is cancelled before the deadline: its bid will never be opened; the other lots go on');
  const cancelled = await api('POST', `/tenders/${tender.id}/lots/3/cancel`, officer.token, {
    reason: { code: 'chan-need', text: 'AI anomaly detection will be procured by a national programme.' },
  });
  say(
    `   lot 3: ${cancelled.lots[2].status} (${cancelled.lots[2].cancellation.reason.code}); lots 1 and 2: ${cancelled.lots[0].status}; every interested vendor is e-mailed, and a change notice names the lot`,
  );

  step(
    11,
    'The deadline passes; two of the three committee members act with their secrets, and the bids open',
  );
  say(`   (the demo moves its clock ${advancePast(tender.openingAt).toFixed(1)} days on, past the deadline)`);
  const [first, second] = openers as [typeof officer, typeof officer, typeof officer];
  await until(
    async () =>
      (
        await client('POST', `/tenders/${tender.id}/opening/unlock`, {
          token: first.token,
          body: { secret: 'not my secret at all' },
        })
      ).status === 403,
    'the opening time',
    60_000,
  );
  say(`   ${first.name} mistypes the secret: refused, and the attempt is audited`);
  const one = await steps.openBids(tender.id, [first]);
  say(`   ${first.name} acts: ${one.acts.length} of 2, the bids stay sealed (nobody can read them yet)`);
  const record = await steps.openBids(tender.id, [second]);
  say(
    `   ${second.name} acts: quorum reached, the tender's key is rebuilt in memory, ${record.bids.map((l: { lot: number; count: number }) => `lot ${l.lot}: ${l.count}`).join(', ')} bids opened, ${record.mismatches.length} mismatch(es), and the key forgotten`,
  );

  step(12, 'Checks, conflict-of-interest declarations, scores and the evaluation');
  await steps.seatCommittee(officer, `/tenders/${tender.id}`, evaluators);
  // Lot 3's bid stays sealed: it is neither checked nor scored.
  const opened = bids.filter((b) => b.lot !== 3);
  for (const b of opened) {
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
    for (const b of opened) {
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
    const res = await client('GET', `/tenders/${tender.id}/evaluation`, { token: officer.token });
    return res.status === 200 && res.body;
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
    13,
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
  await reviewStory(admin, tender.id, evaluation, vendors);
  const early = await api('POST', `/tenders/${tender.id}/contracts`, officer.token, { lot: 1 }, true);
  say(`   a contract during the standstill is refused (${early.status}): ${early.detail}`);

  step(
    14,
    'After the standstill: contracts with the EU / member cost split, as PDFs, e-mailed to the parties',
  );
  const standstillEnds = awarded
    .map((a: { standstillEndsAt: string }) => a.standstillEndsAt)
    .sort()
    .pop() as string;
  say(`   (the demo moves its clock ${advancePast(standstillEnds).toFixed(1)} days on, past the standstill)`);
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

  step(15, 'Every notice, in its recipient’s language, with its delivery status');
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

  step(
    16,
    'The EU’s notices (eForms): the call’s CEI, the contract notice, its change notice, the award notice',
  );
  const eforms = await until(async () => {
    const list = await api('GET', `/tenders/${tender.id}/eforms`, officer.token);
    return list.items.some((n: { kind: string }) => n.kind === 'award') && list;
  }, 'the contract award notice');
  const callNotices = await api('GET', `/calls/${story.callId}/eforms`, officer.token);
  const noticeDir = path.join(dataDir, 'eforms', run);
  mkdirSync(noticeDir, { recursive: true });
  for (const [kind, id, n] of [
    ...callNotices.items.map((n: object) => ['calls', story.callId, n]),
    ...eforms.items.map((n: object) => ['tenders', tender.id, n]),
  ] as [
    string,
    string,
    { noticeId: string; subtype: string; kind: string; version: string; status: string },
  ][]) {
    const xml = await api('GET', `/${kind}/${id}/eforms/${n.noticeId}`, officer.token);
    const file = path.join(noticeDir, `${n.kind}-${n.subtype}-${n.noticeId}-${n.version}.xml`);
    writeFileSync(file, xml);
    say(`   ${pad(n.kind, 9)} subtype ${pad(n.subtype, 4)} ${n.noticeId}-${n.version}  ${n.status}`);
  }
  say(
    `   XML under ${noticeDir}; "valid" means checked against the eForms SDK (EFORMS_SDK, SCHXSLT and Saxon-HE set), "unvalidated" that no SDK is configured`,
  );
}
