/**
 * Writes that many callers make at once, written together: while one batch is being written, the
 * next ones wait and go in the next batch (a group commit). An idle caller is written at once, a
 * busy stream of them in few round trips; each caller's promise settles when its own batch is
 * stored, so nobody goes on before its write is. A write may answer one outcome per item (undefined
 * for stored, an error for one that was refused, a duplicate key say): each caller then hears its own.
 */
export class GroupCommit<T> {
  private waiting: { item: T; settle: (err?: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<unknown>,
    private readonly maxBatch = 500,
  ) {}

  /** Resolves once `item` is written; rejects with its own error, or the batch's if the write failed. */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, settle: (err) => (err === undefined ? resolve() : reject(err)) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      let failure: unknown;
      let outcomes: unknown[] = [];
      try {
        const answered = await this.write(batch.map((w) => w.item));
        if (Array.isArray(answered)) outcomes = answered;
      } catch (err) {
        failure = err ?? new Error('The batch could not be written.');
      }
      for (const [i, w] of batch.entries()) w.settle(failure ?? outcomes[i]);
    }
    this.writing = false;
  }
}
