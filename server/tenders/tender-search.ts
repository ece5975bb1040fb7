import { Types, trusted } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { consortiumIdsOf } from '../consortia/consortia.service.js';
import { Consortium } from '../consortia/consortium.model.js';
import { literally } from '../literal-search.js';
import { Tender, type TenderRecord } from './tender.model.js';
import { tenderView } from './tender-view.js';

// The list of tenders a reader may see, and the tender board's search over it.

/** The board's orders; the `_id` last, so that a page boundary never repeats or skips a tender. */
const ORDERS = {
  published: { publishedAt: -1, createdAt: -1, _id: -1 },
  deadline: { submissionDeadline: 1, _id: 1 },
  reference: { reference: 1, _id: 1 },
} as const;

/**
 * The tenders a reader may see (published ones; drafts for officers and the consortium's own
 * representatives), newest first, optionally searched: words of the title, description
 * or reference, a CPV prefix, the consortium it is bought for, and whether bids are still taken
 * (`open`) or no longer (`closed`).
 */
export async function listTenders(
  actor: Actor,
  page: { limit: number; offset: number },
  search: {
    q?: string;
    cpv?: string;
    stage?: 'open' | 'closed';
    consortiumId?: string;
    sort?: 'published' | 'deadline' | 'reference';
  } = {},
) {
  const now = new Date();
  // Drafts: officers all; a representative those of its consortia (whose specifications they approve).
  const conditions: Record<string, unknown>[] = isOfficer(actor)
    ? []
    : actor.role === 'entity-representative'
      ? [
          {
            $or: [
              { status: trusted({ $ne: 'draft' }) },
              { consortiumId: trusted({ $in: await consortiumIdsOf(actor.organisationId) }) },
            ],
          },
        ]
      : [{ status: trusted({ $ne: 'draft' }) }];
  if (search.q) {
    const words = literally(search.q);
    conditions.push({ $or: [{ title: words }, { description: words }, { reference: words }] });
  }
  if (search.consortiumId) conditions.push({ consortiumId: new Types.ObjectId(search.consortiumId) });
  if (search.cpv) conditions.push({ cpvCodes: new RegExp(`^${search.cpv}`) });
  if (search.stage === 'open')
    conditions.push({ status: 'published', submissionDeadline: trusted({ $gt: now }) });
  if (search.stage === 'closed')
    conditions.push({ $or: [{ status: 'cancelled' }, { submissionDeadline: trusted({ $lte: now }) }] });
  const query = conditions.length > 1 ? { $and: conditions } : (conditions[0] ?? {});
  const [items, total] = await Promise.all([
    Tender.find(query)
      .sort(ORDERS[search.sort ?? 'published'])
      .skip(page.offset)
      .limit(page.limit)
      .lean<TenderRecord[]>(),
    Tender.countDocuments(query),
  ]);
  // Each tender's buyer: the consortium it is bought for, by name (one read for the page).
  const buyers = await Consortium.find(
    { _id: trusted({ $in: [...new Set(items.map((t) => String(t.consortiumId)))] }) },
    { name: 1 },
  ).lean<{ _id: Types.ObjectId; name: string }[]>();
  const buyer = new Map(buyers.map((c) => [String(c._id), c.name]));
  return {
    items: items.map((t) => ({ ...tenderView(t, actor), buyer: buyer.get(String(t.consortiumId)) ?? null })),
    total,
  };
}
