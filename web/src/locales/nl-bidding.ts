/** The console's words for a vendor's bid and its receipt, in Dutch. */
export const biddingNl = {
  bidding: {
    priceDocuments: 'Prijsenveloppe (optioneel)',
    priceDocumentsHint:
      'Uw prijsopgave. Beoordelaars zien die pas als hun kwaliteitsscores definitief zijn, of nooit als de aanbesteding dat zegt.',
    opening: 'De opening van de inschrijvingen',
    openedAt: 'De inschrijvingen zijn geopend op',
    openedBy: 'door {{names}}, leden van de openingscommissie.',
    openedByPlatform: 'door het platform op het openingstijdstip.',
    bidsReceived: 'Ontvangen inschrijvingen',
    another: 'Een inschrijving vervangen of op een ander perceel inschrijven',
    replace: 'Uw inschrijving voor perceel {{lot}} vervangen',
    replaceTitle: 'U hebt al een inschrijving voor perceel {{lot}}',
    replaceText:
      'Deze verzenden vervangt die, documenten inbegrepen. Uw huidige inschrijving is ontvangen op',
    replaceConfirm: 'Ja, mijn inschrijving voor perceel {{lot}} vervangen',
    keep: 'Mijn huidige inschrijving behouden',
    files: 'Ontvangen bestanden',
    fileName: 'Bestand',
    fileSize: 'Grootte',
    keyTitle: 'Uw inschrijvingssleutel',
    keyWhat:
      'Uw documenten zijn met deze sleutel verzegeld. Tot de opening kunt u ze alleen met deze sleutel opnieuw downloaden om te controleren wat u hebt verzonden.',
    keyKeep:
      'Het platform bewaart de sleutel niet: download het ontvangstbewijs en bewaar het bij uw inschrijving.',
    keyLost:
      'Raakt u de sleutel kwijt, dan heeft dat geen gevolgen voor uw inschrijving: de openingscommissie opent uw documenten bij de opening zoals gewoonlijk. U kunt ze alleen niet eerder teruglezen.',
  },
  results: {
    title: 'Resultaten',
    winner: 'Gegund aan',
    value: 'Waarde (excl. btw)',
    bids: 'Ontvangen inschrijvingen',
    decided: 'Gunningsbeslissing',
    contracted: 'Overeenkomst',
    notYet: 'Nog niet gesloten',
  },
  questions: {
    yourPending: 'Uw vragen die nog niet beantwoord zijn',
    askedAt: 'gesteld op',
  },
};
