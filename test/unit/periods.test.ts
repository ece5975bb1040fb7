import { expect } from 'chai';
import { addDuration, isAtLeast } from '../../server/periods.js';

describe('periods', () => {
  it('when P10D is added, then ten calendar days pass in UTC', () => {
    expect(addDuration(new Date('2026-02-25T10:00:00Z'), 'P10D').toISOString()).to.equal(
      '2026-03-07T10:00:00.000Z',
    );
  });

  it('when a month is added at the end of January, then the calendar decides', () => {
    expect(addDuration(new Date('2026-01-15T00:00:00Z'), 'P1M').toISOString()).to.equal(
      '2026-02-15T00:00:00.000Z',
    );
  });

  it('when hours and minutes are added, then they are exact', () => {
    expect(addDuration(new Date('2026-01-01T23:30:00Z'), 'PT1H45M').toISOString()).to.equal(
      '2026-01-02T01:15:00.000Z',
    );
  });

  it('when durations are compared, then P35D ≥ P30D, P29D < P30D and PT0S ≥ PT0S', () => {
    expect(isAtLeast('P35D', 'P30D')).to.equal(true);
    expect(isAtLeast('P29D', 'P30D')).to.equal(false);
    expect(isAtLeast('PT0S', 'PT0S')).to.equal(true);
    expect(isAtLeast('P1W', 'P7D')).to.equal(true);
  });
});
