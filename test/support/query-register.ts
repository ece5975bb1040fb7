// The register of the queries that may read a whole collection, each with its reason: what
// `test/integration/query-plans.test.ts` accepts besides index lookups.

/**
 * Where a query may read a whole collection by design, and why its cost does not grow with the work
 * of a hot path: each runs once per event, per batch or per reconciler run, never once per notice,
 * bid or score. (FerretDB's SQLite backend hands only a filter on `_id` alone to SQL; on MongoDB the
 * filtered ones among these are served by the indexes the models declare.)
 */
const KNOWN_SCANS: Record<string, string> = {
  'users.find(organisationId,role)':
    'who is told, for an event concerning more than eight organisations (every subscribed vendor): one read of the accounts for all its notices',
  'audit_pending.find()': 'the appender: the events recorded since its last run, a batch at a time',
  'audit_pending.deleteMany(_id)': 'the appender: one delete per linked batch, in a collection of what waits',
  'audit_chain_events.findOne(pendingId)': 'the appender, only after a batch met an event linked already',
  'notice_outbox.find()': 'the reconciler, once a run: the outbox holds only recent notices',
  'notice_outbox.deleteMany(_id)': 'the reconciler, once a run: one delete for the entries of notices done',
  '*.find(pendingEffects.0)': 'the reconciler, once a run: documents with follow-up work left',
  'calls.find(closesAt,status)': 'the reconciler, once a run: calls whose closing job was lost',
  'resolutions.find(outcome,votingDeadline)':
    'the reconciler, once a run: resolutions past their voting deadline whose closing job was lost',
  'tenders.find(opening,openingAt,status)': 'the reconciler, once a run: openings whose job was lost',
  'bid_uploads.find(startedAt)':
    'the reconciler, once a run: uploads cut off; the collection holds only those under way',
  'contracts.find(status,updatedAt)': 'the reconciler, once a run: contracts stuck in generating',
};

/** Lists whose answer is the whole collection, a page at a time (an officer's list of every call, say). */
export const WHOLE_COLLECTION_LISTS = new Set([
  'calls.find()',
  'calls.countDocuments()',
  'consortia.find()',
  'consortia.countDocuments()',
  'tenders.find()',
  'tenders.countDocuments()',
]);

/**
 * The list endpoints' filtered queries: FerretDB's SQLite backend reads the whole collection for each
 * (it hands only `_id` to SQL); on MongoDB each is served by an index its model declares.
 */
export const FILTERED_LISTS_ON_FERRETDB = [
  'notices.countDocuments(recipient.userId)',
  'notices.countDocuments(sealedTenderId)',
  'notices.countDocuments(sealedTenderId,status,template)',
  'notices.find(recipient.userId)',
  'notices.find(sealedTenderId)',
  'notices.find(sealedTenderId,status,template)',
  'organisations.countDocuments(kind)',
  'organisations.find(kind)',
  'organisations.find(_id)', // `$in` the names of a page's organisations: only `_id` equal to one value goes to SQL
  'consortia.find(_id)', // `$in` the names of a board page's buyers
  'tenders.find(_id)', // `$in` the procedures of a desk page's notices recorded before notices named theirs
  'calls.find(_id)', // the same, for calls
  'tenders.countDocuments(status)',
  'tenders.find(status)',
  'users.countDocuments(role)',
  'users.find(role)',
];

export const knownScan = (sig: string) => KNOWN_SCANS[sig] ?? KNOWN_SCANS[sig.replace(/^[^.]+\./, '*.')];
