import { expect } from 'chai';
import {
  dateTime,
  fixed,
  money,
  number,
  parseMoney,
  percent,
  period,
  timeLeft,
  timeLeftWords,
  utc,
} from '../../web/src/lib/format.js';
import { problemFrom } from '../../web/src/lib/problems.js';

// Intl puts narrow no-break spaces in some formats: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the console’s formatting and error mapping', () => {
  it('when money is shown, then Dutch and English write euros and cents their own way', () => {
    expect(plain(money(130_000_000, 'nl'))).to.equal('€ 1.300.000,00');
    expect(money(130_000_000, 'en')).to.equal('€1,300,000.00');
    expect(plain(money(5, 'nl'))).to.equal('€ 0,05');
    expect(number(82.6666, 'nl')).to.equal('82,67');
    expect(number(82.6666, 'en')).to.equal('82.67');
    expect(percent(0.6, 'nl')).to.equal('60%');
    expect(fixed(60, 'nl')).to.equal('60,00');
    expect(fixed(1234.5678, 'en')).to.equal('1,234.57');
  });

  it('when a period is shown, then its days, hours, minutes and seconds are in words; anything else as written', () => {
    expect(period('P10D', 'en')).to.equal('10 days');
    expect(period('P10D', 'nl')).to.equal('10 dagen');
    expect(period('PT20S', 'nl')).to.equal('20 seconden');
    expect(period('P1DT12H', 'en')).to.equal('1 day and 12 hours');
    expect(period('P1M', 'en')).to.equal('P1M');
    expect(period('PT', 'en')).to.equal('PT');
  });

  it('when a price is typed, then it is read as cents the way the locale writes it, and anything else is refused', () => {
    expect(parseMoney('1.300.000,50', 'nl')).to.equal(130_000_050);
    expect(parseMoney('€ 1300000', 'nl')).to.equal(130_000_000);
    expect(parseMoney('1,300,000.5', 'en')).to.equal(130_000_050);
    expect(parseMoney('1300000.50', 'nl')).to.equal(130_000_050);
    expect(parseMoney('12,5', 'en')).to.equal(1_250);
    for (const bad of ['', 'abc', '1,2,3.456', '-5', '1.5.5,5'])
      expect(parseMoney(bad, 'en'), bad).to.equal(null);
  });

  it('when an instant is shown, then it is in the reader’s zone and language, with UTC kept for the hover', () => {
    const iso = '2026-12-03T13:00:00.000Z';
    expect(plain(dateTime(iso, 'nl', 'Europe/Brussels'))).to.equal('3 december 2026 om 14:00 CET');
    expect(plain(dateTime(iso, 'en', 'Europe/Brussels'))).to.equal('3 December 2026 at 14:00 CET');
    expect(utc(iso)).to.equal('2026-12-03 13:00 UTC');
  });

  it('when a deadline is counted down, then days, hours and minutes are left until it passes', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(timeLeft('2026-12-02T12:30:00Z', now)).to.deep.equal({ days: 1, hours: 2, minutes: 30 });
    expect(timeLeft('2026-12-01T09:59:00Z', now)).to.equal(null);
    // Said from its largest unit: no "0 d 0 h" before the minutes that are left.
    expect(timeLeftWords({ days: 1, hours: 2, minutes: 30 })).to.equal('tender.timeLeft.days');
    expect(timeLeftWords({ days: 0, hours: 2, minutes: 0 })).to.equal('tender.timeLeft.hours');
    expect(timeLeftWords({ days: 0, hours: 0, minutes: 1 })).to.equal('tender.timeLeft.minutes');
    expect(timeLeftWords({ days: 0, hours: 0, minutes: 0 })).to.equal('tender.timeLeft.soon');
  });

  it('when the API refuses, then its problem details become an error naming each field', () => {
    const p = problemFrom(400, {
      type: 'urn:problem:bad-request',
      title: 'Bad Request',
      status: 400,
      detail: 'The bid is invalid.',
      errors: [{ path: '/bid/priceCents', message: 'must be >= 1' }],
    });
    expect([p.status, p.code, p.detail]).to.deep.equal([400, 'bad-request', 'The bid is invalid.']);
    expect(p.fieldMessage('/priceCents')).to.equal('must be >= 1');
    expect(p.fieldMessage('/lot')).to.equal(undefined);
    const conflict = problemFrom(409, {
      type: 'urn:problem:deadline-passed',
      title: 'Conflict',
      detail: 'The submission deadline has passed.',
    });
    expect([conflict.code, conflict.errors]).to.deep.equal(['deadline-passed', []]);
    // What is no problem document still becomes one: a proxy's HTML page, a lost connection.
    expect(problemFrom(502, '<html>Bad gateway</html>').code).to.equal('http-502');
    expect(problemFrom(0, undefined).code).to.equal('network');
  });
});
