import type { callSteps } from './call-steps.js';
import { type Api, expectAnswer, type Person } from './client.js';

/** The steps of a tender: publication with the consortium's approval, and sealed bids. */
export function tenderSteps(api: Api, steps: ReturnType<typeof callSteps>) {
  return {
    /** An officer drafts a tender, the consortium approves it, the officer publishes it; answers the published tender. */
    async publishedTender(
      officer: Person,
      consortium: { id: string; members: Person[] },
      body: Record<string, unknown>,
    ) {
      const draft = await expectAnswer(
        'drafting the tender',
        201,
        api('POST', '/tenders', { token: officer.token, body }),
      );
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
