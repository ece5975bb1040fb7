/** The console's words for a vendor's bid and its receipt, in English. */
export const biddingEn = {
  bidding: {
    priceDocuments: 'Price envelope (optional)',
    priceDocumentsHint:
      'Your price schedule. Evaluators see it only once their quality scores are final, or never if the tender says so.',
    opening: 'The opening of the bids',
    openedAt: 'The bids were opened',
    openedBy: 'by {{names}}, members of the opening committee.',
    openedByPlatform: 'by the platform at the opening time.',
    bidsReceived: 'Bids received',
    another: 'Replace a bid or bid on another lot',
    replace: 'Replace your bid for lot {{lot}}',
    replaceTitle: 'You have a bid for lot {{lot}} already',
    replaceText: 'Sending this one replaces it, documents included. Your current bid was received',
    replaceConfirm: 'Yes, replace my bid for lot {{lot}}',
    keep: 'Keep my current bid',
    files: 'Files received',
    fileName: 'File',
    fileSize: 'Size',
    keyTitle: 'Your bid key',
    keyWhat:
      'Your documents are sealed with this key. Until the opening, only this key lets you download them again to check what you sent.',
    keyKeep: 'The platform does not keep it: download the receipt and keep it with your bid.',
    keyLost:
      'If you lose it, your bid is not affected: the opening committee opens your documents at the opening as usual. You only cannot read them back before then.',
  },
  results: {
    title: 'Results',
    winner: 'Awarded to',
    value: 'Value (excl. VAT)',
    bids: 'Bids received',
    decided: 'Award decision',
    contracted: 'Contract',
    notYet: 'Not concluded yet',
  },
  questions: {
    yourPending: 'Your questions not answered yet',
    askedAt: 'asked',
  },
};
