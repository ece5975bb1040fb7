import { expect } from 'chai';
import { Types } from 'mongoose';
import type { Actor } from '../../server/accounts/access.js';
import { authorSealed, type ComplaintRecord } from '../../server/review/complaint.model.js';
import { complaintView } from '../../server/review/complaints.service.js';
import type { TenderRecord } from '../../server/tenders/tender.model.js';

// Who reads a complaint's author and documents: the author, its review body, the officers — but a
// complaint only a bidder may lodge names no one to the officers or the public while its lot's bids
// are sealed, as that would tell who bid.

const org = () => new Types.ObjectId();
const [vendorOrg, bodyOrg, centre] = [org(), org(), org()];
const actor = (role: Actor['role'], organisationId: Types.ObjectId | string): Actor => ({
  id: String(org()),
  role,
  organisationId: String(organisationId),
  email: '',
  name: '',
  language: 'en',
});
const author = actor('vendor', vendorOrg);
const reviewer = actor('review-body', bodyOrg);
const officer = actor('procurement-officer', centre);
const otherVendor = actor('vendor', org());
const visitor = actor('visitor', '');

const complaint = (against: ComplaintRecord['against'], accepted: boolean): ComplaintRecord =>
  ({
    _id: new Types.ObjectId(),
    tenderId: new Types.ObjectId(),
    reviewBodyId: bodyOrg,
    lot: against === 'conditions' ? null : 2,
    against,
    grounds: 'g',
    text: 't',
    authorId: vendorOrg,
    lodgedBy: new Types.ObjectId(),
    documents: [
      {
        id: 'd',
        storedId: 'd',
        chunks: 1,
        filename: 'a.pdf',
        contentType: 'application/pdf',
        size: 1,
        sha256: 'x',
      },
    ],
    status: accepted ? 'accepted' : 'submitted',
    window: { from: null, until: new Date() },
    acceptedAt: accepted ? new Date() : null,
    refusal: null,
    decision: null,
    withdrawnAt: null,
    rev: 0,
    createdAt: new Date(),
  }) as ComplaintRecord;

const tender = (opened: boolean, cancelledBeforeOpening = false) =>
  ({
    reference: 'T-1',
    opening: opened ? { at: new Date() } : null,
    lotCancellations: cancelledBeforeOpening ? [{ lot: 2, beforeOpening: true }] : [],
  }) as unknown as TenderRecord;

const names = new Map([[String(vendorOrg), 'Complainant SA']]);
const sees = (a: Actor, c: ComplaintRecord, t: TenderRecord) => {
  const view = complaintView(c, t, a, names);
  return { author: view.author?.name ?? null, documents: view.documents?.length ?? null };
};

describe('complaints: who is told who complained', () => {
  it('when a complaint against the conditions is accepted, then anyone reads its author; its documents stay with the parties', () => {
    const c = complaint('conditions', true);
    const t = tender(false);
    expect(authorSealed(c, t)).to.equal(false);
    expect(sees(visitor, c, t)).to.deep.equal({ author: 'Complainant SA', documents: null });
    expect(sees(otherVendor, c, t)).to.deep.equal({ author: 'Complainant SA', documents: null });
    expect(sees(officer, c, t)).to.deep.equal({ author: 'Complainant SA', documents: 1 });
    expect(sees(reviewer, c, t)).to.deep.equal({ author: 'Complainant SA', documents: 1 });
  });

  it('when a submitted complaint is not yet accepted, then only the parties read its author', () => {
    const c = complaint('conditions', false);
    const t = tender(false);
    expect(sees(visitor, c, t).author).to.equal(null);
    expect(sees(officer, c, t).author).to.equal('Complainant SA');
  });

  it('when a bidder complains of a cancellation before the opening, then only it and the review body know who it is, even once accepted', () => {
    const c = complaint('cancellation', true);
    for (const t of [tender(false), tender(true, true)]) {
      expect(authorSealed(c, t)).to.equal(true);
      expect(sees(visitor, c, t)).to.deep.equal({ author: null, documents: null });
      expect(sees(officer, c, t)).to.deep.equal({ author: null, documents: null });
      expect(sees(author, c, t)).to.deep.equal({ author: 'Complainant SA', documents: 1 });
      expect(sees(reviewer, c, t)).to.deep.equal({ author: 'Complainant SA', documents: 1 });
    }
  });

  it('when the lot’s bids are opened, then the officers and, once accepted, the public read the author', () => {
    const c = complaint('award', true);
    const t = tender(true);
    expect(authorSealed(c, t)).to.equal(false);
    expect(sees(officer, c, t)).to.deep.equal({ author: 'Complainant SA', documents: 1 });
    expect(sees(visitor, c, t)).to.deep.equal({ author: 'Complainant SA', documents: null });
  });
});
