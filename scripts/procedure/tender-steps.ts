import type { callSteps } from './call-steps.js';
import { type Api, expectAnswer, type Person, until } from './client.js';

/** The opening secret a person of these scripts and tests keeps (a real member chooses their own). */
export const openingSecretOf = (p: Person) => `opening secret of ${p.email}`;

/** The steps of a tender: publication with the consortium's approval, sealed bids, and their opening. */
export function tenderSteps(api: Api, steps: ReturnType<typeof callSteps>) {
  /** An officer seats the opening committee of a draft tender; each member sets their secret. */
  async function seatOpeningCommittee(officer: Person, tenderId: string, members: Person[], quorum = 2) {
    await expectAnswer(
      'seating the opening committee',
      200,
      api('POST', `/tenders/${tenderId}/opening-committee`, {
        token: officer.token,
        body: { userIds: members.map((m) => m.id), quorum },
      }),
    );
    for (const m of members) {
      await expectAnswer(
        'setting an opening secret',
        200,
        api('PUT', `/tenders/${tenderId}/opening-committee/me`, {
          token: m.token,
          body: { secret: openingSecretOf(m) },
        }),
      );
    }
  }

  return {
    seatOpeningCommittee,

    /**
     * From the opening time, committee members act with their secrets, one after the other, until
     * a quorum has; then waits for the bids to be open. Answers the opening record.
     */
    async openBids(tenderId: string, members: Person[]) {
      for (const m of members) {
        const acted = await until(async () => {
          const res = await api('POST', `/tenders/${tenderId}/opening/unlock`, {
            token: m.token,
            body: { secret: openingSecretOf(m) },
          });
          if (res.status === 409 && res.body?.type === 'urn:problem:opening-not-due') return undefined;
          if (res.status !== 202)
            throw new Error(`acting at the opening answered ${res.status}: ${JSON.stringify(res.body)}`);
          return res.body;
        }, 'the opening time');
        if (acted.acted >= acted.quorum) break;
      }
      const record = () =>
        expectAnswer(
          'reading the opening record',
          200,
          api('GET', `/tenders/${tenderId}/opening`, { token: members[0]?.token }),
        );
      const now = await record();
      // The quorum has acted: a worker opens the bids.
      if (now.acts.length < now.committee.quorum) return now;
      return until(async () => {
        const r = await record();
        return r.opened && r;
      }, 'the opening of the bids');
    },

    /**
     * An officer drafts a tender and seats its opening committee, the consortium approves it, the
     * officer publishes it; answers the published tender.
     */
    async publishedTender(
      officer: Person,
      consortium: { id: string; members: Person[] },
      body: Record<string, unknown>,
      openingCommittee: Person[],
    ) {
      const draft = await expectAnswer(
        'drafting the tender',
        201,
        api('POST', '/tenders', { token: officer.token, body }),
      );
      await seatOpeningCommittee(officer, draft.id, openingCommittee);
      await steps.approve(consortium.id, consortium.members, {
        subject: 'Approve the tender specifications',
        tenderId: draft.id,
      });
      return expectAnswer(
        'publishing the tender',
        200,
        api('POST', `/tenders/${draft.id}/publish`, { token: officer.token }),
      );
    },

    /** A vendor submits (or replaces) its sealed bid for a lot; answers the receipt. */
    async submitBid(
      vendor: Person,
      tenderId: string,
      offer: { lot: number; priceCents: number; technicalOffer: string },
    ) {
      return expectAnswer(
        `bidding on lot ${offer.lot}`,
        201,
        api('POST', `/tenders/${tenderId}/bids`, {
          token: vendor.token,
          body: { ...offer, declarations: { noExclusionGrounds: true, meetsSelectionCriteria: true } },
        }),
      );
    },
  };
}
