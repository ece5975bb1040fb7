import { setHarness, startHarness } from './support/harness.js';

/** Root hooks: one set of real services for the whole run, torn down at the end. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(300_000);
    setHarness(await startHarness());
    const { preparePublication } = await import('./support/api.js');
    await preparePublication();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    const { closeNoticeRules, harness } = await import('./support/harness.js');
    closeNoticeRules();
    await harness().close();
    setHarness(undefined);
  },
};
