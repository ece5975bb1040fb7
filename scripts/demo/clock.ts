// The demo's clock. The demo keeps the law's periods (30 days to tender, 10 days of standstill)
// and, instead of waiting for them, moves the clock of its own process forward — the platform,
// its workers and the story all run in this process and read the time from `Date`. Only the demo
// does this: the platform itself never changes the time it reads.

const RealDate = Date;
let offsetMs = 0;

/** `Date`, running `offsetMs` ahead of the machine's clock. */
class DemoDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...(args as [string | number | Date]));
  }

  static override now(): number {
    return RealDate.now() + offsetMs;
  }

  /** A date made before, or by a library that kept the machine's `Date`, is a date all the same. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof RealDate;
  }
}

// Libraries that tell dates by their constructor's name (Mongoose clones by it) see a `Date`.
Object.defineProperty(DemoDate, 'name', { value: 'Date' });

/** From now on, every `Date` of this process reads the demo's clock. */
export function installDemoClock(): void {
  globalThis.Date = DemoDate as DateConstructor;
}

/** Moves the clock to just past an instant (never back); answers how many days it moved. */
export function advancePast(iso: string | Date): number {
  const target = new RealDate(iso).getTime() + 1_000;
  const step = Math.max(0, target - Date.now());
  offsetMs += step;
  return step / 86_400_000;
}
