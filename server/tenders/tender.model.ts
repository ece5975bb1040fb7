import { model, Schema, type Types } from 'mongoose';
import {
  type Criterion,
  criterionSchema,
  type EvaluatorRecord,
  evaluatorSchema,
} from '../calls/call.model.js';
import { pendingEffectsField } from '../effects/effects.js';
import type { EspdRequestSpec } from '../espd/espd-request.js';
import type { SealedBox } from '../keys/aead.js';
import type { OpeningCommittee, OpeningKey } from './opening-committee.js';
import type { OpeningSuspension } from './opening-hold.js';
import type { ProcurementDocument, PublishedAmendment } from './tender-changes.js';

const tenderSchema = new Schema(
  {
    expressionId: { type: Schema.Types.ObjectId, required: true },
    consortiumId: { type: Schema.Types.ObjectId, required: true },
    reference: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    cpvCodes: { type: [String], required: true },
    lots: {
      type: [
        new Schema(
          {
            number: Number,
            title: String,
            estimatedValueCents: Number,
            description: { type: String, default: null },
            cpvCodes: { type: [String], default: undefined },
          },
          { _id: false },
        ),
      ],
      required: true,
    },
    questionsDeadline: { type: Date, required: true },
    submissionDeadline: { type: Date, required: true },
    openingAt: { type: Date, required: true },
    standstillPeriod: { type: String, required: true },
    award: {
      type: new Schema(
        {
          qualityWeight: Number,
          priceWeight: Number,
          qualityThreshold: Number,
          criteria: [criterionSchema],
          priceToEvaluators: { type: String, enum: ['after-sign-off', 'never'], default: 'after-sign-off' },
        },
        { _id: false },
      ),
      required: true,
    },
    selectionCriteria: { type: [new Schema({ key: String, title: String }, { _id: false })], default: [] },
    /** The procedure's identifier in its eForms notices (BT-04): a UUID, the same in every notice. */
    procedureId: { type: String, default: null },
    procedureType: { type: String, default: 'open' },
    contractDuration: { type: String, default: null },
    placeOfPerformance: { type: String, default: null },
    reviewBodyId: { type: Schema.Types.ObjectId, default: null },
    /** The ESPD request (see espd-request.ts); null: the tender asks the bids' two declarations instead. */
    espd: { type: Schema.Types.Mixed, default: null },
    status: { type: String, enum: ['draft', 'published', 'cancelled'], default: 'draft' },
    publishedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    cancelReason: { type: String, default: null },
    /** Lots cancelled one by one (the tender goes on for the others). */
    lotCancellations: { type: Schema.Types.Mixed, default: [] },
    /** Cancellations the review body set aside: the lot went on. */
    revokedCancellations: { type: Schema.Types.Mixed, default: [] },
    /** The procurement documents, each with its versions (see procurement-documents.ts). */
    documents: { type: Schema.Types.Mixed, default: [] },
    /** 1 as published; each published amendment makes the next. */
    version: { type: Number, default: 1 },
    /** The amendments published, in order: what the bids and the notices need of them. */
    amendments: { type: Schema.Types.Mixed, default: [] },
    opening: { type: Schema.Types.Mixed, default: null },
    openingCommittee: { type: Schema.Types.Mixed, default: null },
    openingKey: { type: Schema.Types.Mixed, default: null },
    openingActs: { type: Schema.Types.Mixed, default: [] },
    openingAnnouncedFor: { type: Date, default: null },
    /** A complaint against the conditions that holds the opening (see `OpeningSuspension`). */
    openingSuspension: { type: Schema.Types.Mixed, default: null },
    /** Award decisions set aside by the review body: the lot was decided again. */
    withdrawnAwards: { type: Schema.Types.Mixed, default: [] },
    evaluators: { type: [evaluatorSchema], default: [] },
    evaluation: { type: Schema.Types.Mixed, default: null },
    awards: { type: Schema.Types.Mixed, default: [] },
    contracts: { type: Schema.Types.Mixed, default: [] },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    rev: { type: Number, default: 0 },
    pendingEffects: pendingEffectsField,
  },
  { timestamps: true, minimize: false },
);
tenderSchema.index({ reference: 1 }, { unique: true });
tenderSchema.index({ status: 1, openingAt: 1 });

/** A member's act at the opening: their share, released by their secret, kept only until the quorum has acted. */
export interface OpeningAct {
  userId: string;
  at: Date;
  share: SealedBox | null;
}

/** What the opening found: bids per lot, those that did not match their receipt, and who opened them. */
export interface OpeningRecord {
  at: Date;
  bids: { lot: number; count: number }[];
  mismatches: string[];
  /** Bids left sealed because their vendor did not confirm them after a change to their lot. */
  unconfirmed?: string[];
  /** `ceremony`: a quorum of the opening committee; `timed`: the platform key, for tenders from before it. */
  method?: 'ceremony' | 'timed';
  acts?: { userId: string; at: Date }[];
  documents?: { count: number; mismatches: number };
}

export interface LotEvaluation {
  lot: number;
  results: import('../evaluation/ranking.js').BidResult[];
}

export interface AwardRecord {
  lot: number;
  bidId: string;
  vendorId: string;
  decidedAt: Date;
  decidedBy: string;
  standstillEndsAt: Date;
  lowPriceExplanation: string | null;
  justification?: string | null;
  standstillEndedAt?: Date;
  quality: number;
  price: number;
  total: number;
}

/** An award decision the review body set aside; the lot went back to `evaluated`. */
export interface WithdrawnAward extends AwardRecord {
  withdrawnAt: Date;
  complaintId: string;
}

/** A lot cancelled on its own, with the eForms reason for not awarding it (`non-award-justification`). */
export interface LotCancellation {
  lot: number;
  at: Date;
  by: string;
  reason: { code: string; text: string };
  /** Whether its bids were still sealed: then they are never decrypted. */
  beforeOpening: boolean;
}

export interface TenderRecord {
  _id: Types.ObjectId;
  expressionId: Types.ObjectId;
  consortiumId: Types.ObjectId;
  reference: string;
  title: string;
  description: string;
  cpvCodes: string[];
  lots: {
    number: number;
    title: string;
    estimatedValueCents: number;
    description?: string | null;
    cpvCodes?: string[];
  }[];
  questionsDeadline: Date;
  submissionDeadline: Date;
  openingAt: Date;
  standstillPeriod: string;
  award: {
    qualityWeight: number;
    priceWeight: number;
    qualityThreshold: number;
    criteria: Criterion[];
    /** When an evaluator sees the bids' prices: once their quality scores are final, or never (two envelopes). */
    priceToEvaluators?: 'after-sign-off' | 'never';
  };
  selectionCriteria: { key: string; title: string }[];
  procedureId?: string | null;
  procedureType?: string;
  contractDuration?: string | null;
  placeOfPerformance?: string | null;
  reviewBodyId?: Types.ObjectId | null;
  espd?: EspdRequestSpec | null;
  status: 'draft' | 'published' | 'cancelled';
  publishedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  lotCancellations?: LotCancellation[];
  revokedCancellations?: (Partial<LotCancellation> & { lot: number; revokedAt: Date; complaintId: string })[];
  documents?: ProcurementDocument[];
  version?: number;
  amendments?: PublishedAmendment[];
  opening: OpeningRecord | null;
  /** Who opens the bids (absent on tenders published before the opening ceremony). */
  openingCommittee?: OpeningCommittee | null;
  openingKey?: OpeningKey | null;
  /** The members who have acted at the opening; each released share is kept (sealed) until the quorum opens. */
  openingActs?: OpeningAct[];
  /** The opening time the committee was told of. */
  openingAnnouncedFor?: Date | null;
  openingSuspension?: OpeningSuspension | null;
  withdrawnAwards?: WithdrawnAward[];
  evaluators: EvaluatorRecord[];
  evaluation: { computedAt: Date; lots: LotEvaluation[] } | null;
  awards: AwardRecord[];
  contracts: { lot: number; contractId: string }[];
  createdBy: Types.ObjectId;
  rev: number;
  createdAt: Date;
}

export const Tender = model('Tender', tenderSchema);

/** The cancellation of a lot, if it was cancelled on its own. */
export const lotCancellation = (t: TenderRecord, lot: number): LotCancellation | undefined =>
  t.lotCancellations?.find((c) => c.lot === lot);

/** Whether a lot is out of the procedure: cancelled on its own, or with the whole tender. */
export const isLotCancelled = (t: TenderRecord, lot: number) =>
  t.status === 'cancelled' || Boolean(lotCancellation(t, lot));

/** The lots that still go on. */
export const liveLots = (t: TenderRecord) => t.lots.filter((l) => !isLotCancelled(t, l.number));
