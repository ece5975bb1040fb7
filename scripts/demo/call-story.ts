import { advancePast } from './clock.js';
import { api, DAY, euro, organisation, pad, person, run, say, step, steps } from './narration.js';

/** Chapters 1–6: the Centre, hosting entities, consortia, the call, an expression of interest and the selection. */
export async function callStory(admin: string, centre: string) {
  step(
    1,
    'The Centre staffs the procedure: procurement officers (three will open the bids) and an evaluation committee of three',
  );
  const officer = await person(admin, 'procurement-officer', centre, 'Ioana Popescu');
  const openers = [
    officer,
    await person(admin, 'procurement-officer', centre, 'Jonas Petrauskas'),
    await person(admin, 'procurement-officer', centre, 'Maria Rossi'),
  ];
  const evaluators = [
    await person(admin, 'evaluator', centre, 'Marta Kowalska'),
    await person(admin, 'evaluator', centre, 'Jean Dupont'),
    await person(admin, 'evaluator', centre, 'Eva Novák'),
  ];
  say(
    `   officers ${openers.map((o) => o.name).join(', ')}; evaluators ${evaluators.map((e) => e.name).join(', ')}`,
  );
  say('   each is e-mailed an invitation and chooses their own password from its link (everyone below too)');

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
  const north = await steps.formConsortium(be, {
    name: `North-West SOC Alliance ${run}`,
    contributionCents: 500_000_00,
    members: [
      { rep: nl, contributionCents: 300_000_00 },
      { rep: de, contributionCents: 200_000_00 },
    ],
  });
  const northView = await api('GET', `/consortia/${north}`, be.token);
  say(
    `   North-West SOC Alliance (BE coordinator, NL, DE): eligible=${northView.eligibility.eligible}, voting weights ${northView.votingWeights.map((w: { weight: number }) => w.weight).join(' / ')}`,
  );
  const south = await steps.formConsortium(fr, {
    name: `Southern Shield ${run}`,
    contributionCents: 400_000_00,
    members: [
      { rep: pl, contributionCents: 100_000_00 },
      { rep: it, contributionCents: 100_000_00 },
    ],
    seal: false,
  });
  const refused = await api('POST', `/consortia/${south}/agreement`, fr.token, undefined, true);
  say(
    `   Southern Shield (FR, PL, IT company): agreement refused — ${refused.errors.map((e: { message: string }) => e.message).join(' ')}`,
  );

  step(4, 'The Centre publishes a call for expressions of interest (EUR 30 million, 75 % co-funding)');
  const call = await steps.publishedCall(officer, {
    reference: `ECCC-2026-SOC-${run}`,
    title: 'Cross-border SOC platforms: joint procurement of detection tools',
    description:
      'Hosting and operation of cross-border SOC platforms, with jointly procured detection tools (Digital Europe Programme).',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 14 * DAY).toISOString(),
    budgetCents: 30_000_000_00,
    cofundingRate: 0.75,
    minMemberStates: 3,
    criteria: [
      { key: 'capacity', title: 'Operational capacity', weight: 3, maxScore: 10, threshold: 5 },
      { key: 'cross-border', title: 'Cross-border value', weight: 2, maxScore: 10, threshold: 5 },
      { key: 'sustainability', title: 'Sustainability of hosting', weight: 1, maxScore: 10, threshold: 4 },
    ],
  });
  say(`   ${call.reference} published; every hosting entity's representative is e-mailed in their language`);

  step(5, 'The alliance drafts its expression of interest and approves it by weighted vote');
  const eoiId = await steps.draftExpression(be, call.id, {
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
  const resolutionId = await steps.propose(nl, north, {
    subject: 'Approve the expression of interest',
    expressionId: eoiId,
  });
  for (const [voter, vote] of [
    [be, 'yes'],
    [de, 'abstain'],
    [de, 'yes'],
    [nl, 'yes'],
  ] as const) {
    const r = await steps.vote(voter, north, resolutionId, vote);
    say(
      `   ${pad(voter.name, 16)} votes ${pad(vote, 8)} → yes ${(r.tally.yes * 100).toFixed(0)} % of all weights: ${r.outcome}`,
    );
    if (r.outcome !== 'open') break;
  }
  await steps.submitExpression(be, eoiId);
  const checked = await steps.checkedExpression(eoiId, officer.token);
  say(`   submitted; eligibility checked in the background: ${checked.status}`);

  step(6, 'Evaluators declare no conflict of interest and score; selection after the call closes');
  await steps.seatCommittee(officer, `/calls/${call.id}`, evaluators);
  const marks = [
    [8, 7, 6],
    [9, 8, 7],
    [8, 9, 6],
  ];
  for (const [i, e] of evaluators.entries()) {
    for (const [j, key] of ['capacity', 'cross-border', 'sustainability'].entries()) {
      await api('POST', `/expressions/${eoiId}/scores`, e.token, {
        criterion: key,
        score: marks[i]?.[j],
        comment: 'Solid plan',
      });
    }
  }
  say(
    `   (the demo moves its clock ${advancePast(call.closesAt).toFixed(1)} days on, past the call's closing)`,
  );
  const results = await steps.selection(officer, call.id);
  for (const line of results.items) {
    say(
      `   rank ${line.rank}: ${line.consortiumName} — total ${line.totalRounded} / 100, ${line.selected ? `SELECTED, EU grant ${euro(line.euAmountGrantedCents)}` : 'not selected'}`,
    );
  }

  return { officer, openers, evaluators, be, nl, de, north, eoiId, callId: call.id as string };
}
