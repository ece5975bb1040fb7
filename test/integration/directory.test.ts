import { expect } from 'chai';
import mongoose from 'mongoose';
import { peopleOf } from '../../server/notices/recipients.js';
import { newOrganisation, newPerson } from '../support/api.js';
import { callsDuring } from '../support/queries.js';

describe('who is told: an organisation’s directory', () => {
  it('when a vendor’s people are told, then they come from its directory, read by _id, not from every account', async () => {
    const org = await newOrganisation('vendor');
    const [a, b] = [await newPerson('vendor', org, 'nl'), await newPerson('vendor', org)];
    let people: Awaited<ReturnType<typeof peopleOf>> = [];
    const calls = await callsDuring(async () => {
      people = await peopleOf([org], ['vendor']);
    });
    // (The platform's own workers may read meanwhile: only the accounts' scan must be absent.)
    expect(calls).to.include('organisation_people.findOne(_id)');
    expect(calls.filter((c) => c.startsWith('users.find('))).to.deep.equal([]);
    expect(people.map((p) => [p.email, p.language, p.organisationId]).sort()).to.deep.equal(
      [
        [a.email, 'nl', org],
        [b.email, 'en', org],
      ].sort(),
    );
  });

  it('when an organisation has no directory (its accounts predate it), then its accounts are read', async () => {
    const org = await newOrganisation('vendor');
    const person = await newPerson('vendor', org);
    await mongoose.connection.collection('organisation_people').deleteOne({ _id: org } as never);
    const calls = await callsDuring(async () => {
      expect((await peopleOf([org], ['vendor'])).map((p) => p.email)).to.deep.equal([person.email]);
    });
    expect(calls).to.include('users.find(organisationId,role)');
  });

  it('when a role is asked for, then only people of that role are told', async () => {
    const org = await newOrganisation('hosting-entity');
    const rep = await newPerson('entity-representative', org);
    expect((await peopleOf([org], ['entity-representative'])).map((p) => p.userId)).to.deep.equal([rep.id]);
    expect(await peopleOf([org], ['vendor'])).to.deep.equal([]);
  });
});
