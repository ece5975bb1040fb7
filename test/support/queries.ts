import mongoose from 'mongoose';

type Seen = { collection: string; method: string; filter: Record<string, unknown> };

/** Every collection call made while `fn` runs (Mongoose's debug hook sees them all). */
async function seenDuring(fn: () => Promise<unknown>): Promise<Seen[]> {
  const seen: Seen[] = [];
  mongoose.set('debug', (collection: string, method: string, filter?: Record<string, unknown>) => {
    seen.push({ collection, method, filter: filter ?? {} });
  });
  try {
    await fn();
  } finally {
    mongoose.set('debug', false);
  }
  return seen;
}

/** The collection calls made while `fn` runs, as `collection.method(filter keys)`. */
export async function callsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  return (await seenDuring(fn)).map((s) => `${s.collection}.${s.method}(${Object.keys(s.filter).join(',')})`);
}

/** How often the document `id` of `collection` was read while `fn` ran (the workers' other reads aside). */
export async function readsOf(collection: string, id: string, fn: () => Promise<unknown>): Promise<number> {
  return (await seenDuring(fn)).filter(
    (s) => s.collection === collection && s.method.startsWith('find') && String(s.filter._id) === id,
  ).length;
}
