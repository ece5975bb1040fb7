import { expect } from 'chai';
import { GroupCommit } from '../../server/group-commit.js';

describe('group commit', () => {
  it('when many write while one batch is being written, then they go together in the next batch, and each waits for its own', async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const gc = new GroupCommit<number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
    });
    const settled: number[] = [];
    const first = gc.add(0).then(() => settled.push(0));
    const rest = [1, 2, 3].map((n) => gc.add(n).then(() => settled.push(n)));
    await new Promise((r) => setImmediate(r));
    // The first batch is still being written: nobody is told yet, and the others wait their turn.
    expect(batches).to.deep.equal([[0]]);
    expect(settled).to.deep.equal([]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).to.deep.equal([[0], [1, 2, 3]]);
    expect(settled).to.deep.equal([0, 1, 2, 3]);
  });

  it('when a batch fails, then its callers get the error, and later writes still go', async () => {
    let fail = true;
    const written: string[] = [];
    const gc = new GroupCommit<string>(async (items) => {
      if (fail) throw new Error('disk full');
      written.push(...items);
    });
    const refused = await gc.add('a').catch((err: Error) => err.message);
    expect(refused).to.equal('disk full');
    fail = false;
    await gc.add('b');
    expect(written).to.deep.equal(['b']);
  });

  it('when more are waiting than a batch holds, then they are written in batches of that size', async () => {
    const sizes: number[] = [];
    let hold: Promise<void> | undefined = new Promise((r) => setTimeout(r, 20));
    const gc = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
      await hold;
      hold = undefined;
    }, 2);
    await Promise.all([0, 1, 2, 3, 4].map((n) => gc.add(n)));
    expect(sizes).to.deep.equal([1, 2, 2]);
  });

  it('when a write refuses one item of its batch, then that caller alone hears its error', async () => {
    let release: () => void = () => {};
    let calls = 0;
    const gc = new GroupCommit<string>(async (items) => {
      if (calls++ === 0) await new Promise<void>((r) => (release = r));
      return items.map((item) =>
        item === 'taken' ? Object.assign(new Error('duplicate'), { code: 11000 }) : undefined,
      );
    });
    const first = gc.add('first');
    const outcomes = Promise.all(
      ['a', 'taken', 'b'].map((item) =>
        gc.add(item).then(
          () => 'stored',
          (err: { code?: number }) => `refused ${err.code}`,
        ),
      ),
    );
    release();
    await first;
    expect(await outcomes).to.deep.equal(['stored', 'refused 11000', 'stored']);
  });
});
