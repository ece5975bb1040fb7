import { expect } from 'chai';
import { standstillErrors } from '../../server/tenders/time-limits.js';

describe('standstill: at least the legal minimum, in days', () => {
  it('when the minimum is ten days, then eleven days pass, nine days and a count in hours do not', () => {
    expect(standstillErrors('P11D', 'P10D')).to.deep.equal([]);
    expect(standstillErrors('P9D', 'P10D')).to.deep.equal([
      { path: '/standstillPeriod', message: 'must be at least P10D' },
    ]);
    expect(standstillErrors('PT240H', 'P10D')).to.deep.equal([
      { path: '/standstillPeriod', message: 'must be a whole number of days (P10D)' },
    ]);
  });

  it('when a test setting puts the minimum below a day, then seconds are allowed', () => {
    expect(standstillErrors('PT3S', 'PT0S')).to.deep.equal([]);
  });
});
