/** What the scoring and evaluation benchmarks seed straight into the database: a committee and an opened tender. */

import { Types } from 'mongoose';
import { listInDirectory } from '../server/accounts/directory.js';
import { Organisation } from '../server/accounts/organisation.model.js';
import { hashPassword } from '../server/accounts/passwords.js';
import { issueToken } from '../server/accounts/tokens.js';
import { User } from '../server/accounts/user.model.js';
import { Bid } from '../server/bids/bid.model.js';
import { Tender } from '../server/tenders/tender.model.js';

export const EVALUATORS = 5;
export const CRITERIA = 10;

/** The Centre and its five evaluators, with their session tokens. */
export async function seedEvaluators() {
  const org = await Organisation.create({
    name: 'Bench Centre',
    kind: 'contracting-authority',
    country: 'RO',
    publicBody: true,
    email: 'centre@bench.test',
    language: 'en',
  });
  return activeUsers(
    'evaluator',
    Array.from({ length: EVALUATORS }, (_, i) => ({
      email: `evaluator${i}@bench.test`,
      name: `Evaluator ${i}`,
      organisationId: org._id,
    })),
  );
}

/** Active accounts of one role, listed in the directory, with their session tokens. */
export async function activeUsers(
  role: 'evaluator' | 'vendor',
  people: { email: string; name: string; organisationId: Types.ObjectId }[],
) {
  const passwordHash = await hashPassword('bench-password-long');
  const users = await User.insertMany(people.map((p) => ({ ...p, passwordHash, status: 'active', role })));
  await Promise.all(users.map((u) => listInDirectory(u.toObject())));
  return { users, tokens: await Promise.all(users.map((u) => issueToken(String(u._id), 0))) };
}

/** An opened tender of one lot with `count` opened bids and a clean committee of five. */
export async function openedTender(
  count: number,
  evaluators: { _id: Types.ObjectId }[],
  scored = false,
): Promise<{ tenderId: string; bidIds: string[] }> {
  const now = new Date();
  const tender = await Tender.create({
    expressionId: new Types.ObjectId(),
    consortiumId: new Types.ObjectId(),
    reference: `SCORE-${Date.now()}-${count}`,
    title: 'Scoring',
    description: 'One lot, ten criteria',
    cpvCodes: ['48730000'],
    lots: [{ number: 1, title: 'SIEM', estimatedValueCents: 1_000_000 }],
    questionsDeadline: new Date(now.getTime() - 7_200_000),
    submissionDeadline: new Date(now.getTime() - 3_600_000),
    openingAt: new Date(now.getTime() - 3_600_000),
    standstillPeriod: 'P10D',
    award: {
      qualityWeight: 0.6,
      priceWeight: 0.4,
      qualityThreshold: 0.5,
      criteria: Array.from({ length: CRITERIA }, (_, i) => ({
        key: `c${i}`,
        title: `Criterion ${i}`,
        weight: 1,
        maxScore: 10,
        threshold: 5,
      })),
    },
    status: 'published',
    publishedAt: new Date(now.getTime() - 86_400_000),
    createdBy: new Types.ObjectId(),
    opening: { at: now, bids: [{ lot: 1, count }], mismatches: [] },
    evaluators: evaluators.map((e) => ({
      userId: e._id,
      assignedAt: now,
      conflict: false,
      note: null,
      declaredAt: now,
    })),
  });
  const bids = await Bid.insertMany(
    Array.from({ length: count }, (_, i) => ({
      tenderId: tender._id,
      lot: 1,
      vendorId: new Types.ObjectId(),
      submittedBy: new Types.ObjectId(),
      status: 'submitted',
      receivedAt: now,
      sha256: 'a'.repeat(64),
      receipts: [],
      // Every evaluator's score on every criterion, when asked for (an evaluation's input).
      scores: scored
        ? evaluators.flatMap((e, k) =>
            Array.from({ length: CRITERIA }, (_, c) => ({
              evaluatorId: String(e._id),
              criterion: `c${c}`,
              score: 5 + ((i + k + c) % 6),
              comment: '',
              at: now,
            })),
          )
        : [],
      opened: {
        lot: 1,
        priceCents: 1_000_000 + i,
        technicalOffer: 'SIEM with 24/7 support and a detection content library.',
        declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true },
        verified: true,
        openedAt: now,
      },
    })),
  );
  return { tenderId: String(tender._id), bidIds: bids.map((b) => String(b._id)) };
}
