import mongoose from 'mongoose';
import './models.js';

// Filters never take operators from user input, and unknown filter fields are dropped.
mongoose.set('strictQuery', true);
mongoose.set('sanitizeFilter', true);

/** Connects Mongoose and builds every declared index before the process serves anything. */
export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000, autoIndex: false });
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
  return mongoose;
}

/** Closes the connection; safe to call twice. */
export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

/** True when the database answers a ping. */
export async function databaseIsReady(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  try {
    await db.admin().ping();
    return true;
  } catch {
    return false;
  }
}

export { isDuplicateKey } from './duplicate-key.js';
