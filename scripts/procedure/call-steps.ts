import { sampleDetails } from './addresses.js';
import { type Api, expectAnswer, type Inbox, linkTokenIn, type Person, until, type Vote } from './client.js';

/** The steps from accounts to the selection of expressions of interest, over one API client. */
export function callSteps(api: Api, inbox: Inbox) {
  const steps = {
    /** An administrator registers an organisation; answers its id. */
    async organisation(
      admin: string,
      fields: {
        name: string;
        kind: string;
        country: string;
        email: string;
        language?: string;
        publicBody?: boolean;
      },
    ): Promise<string> {
      const body = await expectAnswer(
        `registering ${fields.name}`,
        201,
        api('POST', '/organisations', {
          token: admin,
          body: {
            language: 'en',
            publicBody: fields.kind !== 'vendor',
            ...sampleDetails(fields.country, fields.kind),
            ...fields,
          },
        }),
      );
      return body.id;
    },

    /**
     * An administrator completes what the EU's notices need before anything is published: the
     * Centre's address, contact and registration, and the review body that hears complaints.
     */
    async publicationDetails(admin: string, centreId: string, reviewBodyEmail: string) {
      await expectAnswer(
        "completing the Centre's details",
        200,
        api('PATCH', `/organisations/${centreId}`, {
          token: admin,
          body: {
            city: 'Bucureşti',
            postalCode: '060042',
            nuts: 'RO321',
            phone: '+40 21 000 0000',
            registrationNumber: 'ECCC-2021-887',
          },
        }),
      );
      const existing = await expectAnswer(
        'looking for the review body',
        200,
        api('GET', '/organisations?kind=review-body', { token: admin }),
      );
      if (existing.items.length) return existing.items[0].id as string;
      return steps.organisation(admin, {
        name: 'General Court of the European Union',
        kind: 'review-body',
        country: 'LU',
        email: reviewBodyEmail,
        publicBody: true,
      });
    },

    /**
     * An administrator creates a user; the person opens the invitation e-mailed to them, chooses
     * their own password from its link, and is signed in.
     */
    async person(
      admin: string,
      fields: {
        role: string;
        organisationId: string;
        name: string;
        email: string;
        password: string;
        language?: string;
      },
    ): Promise<Person> {
      const { password: _chosenByThePerson, ...account } = fields;
      const user = await expectAnswer(
        `creating ${fields.email}`,
        201,
        api('POST', '/users', { token: admin, body: { language: 'en', ...account } }),
      );
      const [, token] = await inbox(fields.email, linkTokenIn('/account/password'));
      const session = await expectAnswer(
        `${fields.email} choosing a password from the invitation`,
        200,
        api('POST', '/auth/password', { body: { token, password: fields.password } }),
      );
      const { email, name, password, organisationId } = fields;
      return { token: session.token, id: user.id, email, name, password, organisationId };
    },

    /** A coordinator founds a consortium; each invited member accepts; the agreement is sealed unless asked not to. */
    async formConsortium(
      coordinator: Person,
      fields: {
        name: string;
        contributionCents: number;
        members: { rep: Person; contributionCents: number }[];
        seal?: boolean;
      },
    ): Promise<string> {
      const { id } = await expectAnswer(
        `founding ${fields.name}`,
        201,
        api('POST', '/consortia', {
          token: coordinator.token,
          body: { name: fields.name, contributionCents: fields.contributionCents },
        }),
      );
      for (const { rep, contributionCents } of fields.members) {
        await expectAnswer(
          `inviting ${rep.organisationId}`,
          201,
          api('POST', `/consortia/${id}/invitations`, {
            token: coordinator.token,
            body: { organisationId: rep.organisationId, contributionCents },
          }),
        );
        await expectAnswer(
          `accepting the invitation of ${rep.organisationId}`,
          200,
          api('POST', `/consortia/${id}/invitations/${rep.organisationId}/accept`, { token: rep.token }),
        );
      }
      if (fields.seal !== false) await steps.sealAgreement(coordinator, id);
      return id;
    },

    /** The coordinator seals the consortium agreement. */
    async sealAgreement(coordinator: Person, consortiumId: string) {
      return expectAnswer(
        'sealing the agreement',
        200,
        api('POST', `/consortia/${consortiumId}/agreement`, { token: coordinator.token }),
      );
    },

    /** An officer drafts and publishes a call for expressions of interest; answers the published call. */
    async publishedCall(officer: Person, body: Record<string, unknown>) {
      const draft = await expectAnswer(
        'drafting the call',
        201,
        api('POST', '/calls', { token: officer.token, body }),
      );
      return expectAnswer(
        'publishing the call',
        200,
        api('POST', `/calls/${draft.id}/publish`, { token: officer.token }),
      );
    },

    /** The coordinator drafts an expression of interest against a call; answers its id. */
    async draftExpression(
      coordinator: Person,
      callId: string,
      body: Record<string, unknown>,
    ): Promise<string> {
      const draft = await expectAnswer(
        'drafting the expression of interest',
        201,
        api('POST', `/calls/${callId}/expressions`, { token: coordinator.token, body }),
      );
      return draft.id;
    },

    /** A member proposes a resolution (approving an expression or a tender); answers its id. */
    async propose(
      proposer: Person,
      consortiumId: string,
      body: { subject: string; expressionId?: string; tenderId?: string; amendmentId?: string },
    ): Promise<string> {
      const r = await expectAnswer(
        `proposing "${body.subject}"`,
        201,
        api('POST', `/consortia/${consortiumId}/resolutions`, { token: proposer.token, body }),
      );
      return r.id;
    },

    /** A member votes; answers the resolution with its tally and outcome. */
    async vote(voter: Person, consortiumId: string, resolutionId: string, vote: Vote) {
      return expectAnswer(
        `${voter.email} voting ${vote}`,
        200,
        api('POST', `/consortia/${consortiumId}/resolutions/${resolutionId}/votes`, {
          token: voter.token,
          body: { vote },
        }),
      );
    },

    /** A resolution proposed by the first member and voted yes by the members in turn until it passes. */
    async approve(
      consortiumId: string,
      members: Person[],
      about: { subject: string; expressionId?: string; tenderId?: string; amendmentId?: string },
    ): Promise<string> {
      const resolutionId = await steps.propose(members[0] as Person, consortiumId, about);
      for (const m of members) {
        const r = await steps.vote(m, consortiumId, resolutionId, 'yes');
        if (r.outcome === 'passed') return resolutionId;
      }
      throw new Error(`"${about.subject}" did not pass`);
    },

    /** The coordinator submits the approved expression; its eligibility is checked in the background. */
    async submitExpression(coordinator: Person, expressionId: string) {
      return expectAnswer(
        'submitting the expression of interest',
        202,
        api('POST', `/expressions/${expressionId}/submit`, { token: coordinator.token }),
      );
    },

    /** Waits until the expression's eligibility is checked; answers the expression. */
    async checkedExpression(expressionId: string, token: string) {
      return until(async () => {
        const e = await api('GET', `/expressions/${expressionId}`, { token });
        return e.body.status !== 'submitted' && e.body;
      }, 'the eligibility check');
    },

    /** An officer seats the evaluators on a call's or tender's committee; each declares no conflict. */
    async seatCommittee(
      officer: Person,
      procedure: `/calls/${string}` | `/tenders/${string}`,
      evaluators: Person[],
    ) {
      for (const e of evaluators) {
        await expectAnswer(
          'assigning an evaluator',
          200,
          api('POST', `${procedure}/evaluators`, { token: officer.token, body: { userId: e.id } }),
        );
        await expectAnswer(
          'declaring no conflict of interest',
          200,
          api('POST', `${procedure}/coi`, { token: e.token, body: { conflict: false } }),
        );
      }
    },

    /** After the call closes, an officer runs the selection; answers the call's results once it is done. */
    async selection(officer: Person, callId: string) {
      await expectAnswer(
        'requesting the selection',
        202,
        api('POST', `/calls/${callId}/selection`, { token: officer.token }),
      );
      await until(
        async () =>
          (await api('GET', `/calls/${callId}`, { token: officer.token })).body.selection?.status === 'done',
        'the selection',
      );
      return expectAnswer(
        'reading the results',
        200,
        api('GET', `/calls/${callId}/results`, { token: officer.token }),
      );
    },
  };
  return steps;
}
