/** The console's words for the EU's notices (eForms) of a call or tender, in English. */
export const publicationEn = {
  eforms: {
    title: 'Notices (eForms)',
    intro:
      'The notices this procedure publishes in the Official Journal of the EU through TED, as eForms XML checked against the EU’s own rules before they are published.',
    none: 'No notice yet.',
    notice: 'Notice',
    version: 'Version',
    status: 'Status',
    ted: 'TED publication',
    download: 'Download the XML',
    actions: 'The notice itself',
    downloadOf: 'Download notice {{subtype}} version {{version}} (XML)',
    changes: 'Changes notice {{id}}',
    kind: {
      cei: 'Call for expressions of interest (CEI)',
      contract: 'Contract notice (16)',
      change: 'Change notice (16)',
      award: 'Contract award notice (29)',
    },
    state: {
      validating: 'Being checked',
      unvalidated: 'Not checked (no eForms SDK configured)',
      valid: 'Valid, ready for TED',
      invalid: 'Breaks eForms rules',
      submitted: 'Submitted to TED',
      publishing: 'Being published by TED',
      published: 'Published in the OJ S',
      'not-published': 'Not published by TED',
      stopped: 'Stopped',
    },
    tedReasons: 'TED’s reasons',
    correct: 'Correct and send again',
    correctOf:
      'Correct notice {{subtype}} version {{version}} from the procedure as it stands and send it as the next version',
    failedRules: 'Rules this notice breaks',
    publishAward: 'Publish the contract award notice',
    publishAwardHint:
      'Once every lot has its contract (or had no tender), the award notice is made by itself; publish it here again after mending what its rules named.',
  },
  publicationFields: {
    title: 'For the EU’s notices',
    duration: 'Duration of the contract (months)',
    durationHint: 'Published in the contract notice (BT-36).',
    place: 'Place of performance (NUTS code)',
    placeHint: 'The region where the tools are run, e.g. BE100 for Brussels (BT-5071).',
    reviewBody: 'Review body',
    reviewBodyHint: 'Who hears complaints about this tender; without a choice, the platform’s review body.',
    reviewBodyDefault: 'The platform’s review body',
  },
};
