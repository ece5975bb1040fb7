import type { Messages } from './en.js';

/** The console's words for a bid's outcome: the decision, the bidder's own scores and the grounds for rejection, in Dutch. */
export const outcomeNl: Pick<Messages, 'outcome' | 'grounds'> = {
  outcome: {
    progress: 'Waar uw inschrijving voor perceel {{lot}} staat',
    step: {
      published: 'Ingediend',
      closed: 'Termijn verstreken',
      opened: 'Geopend',
      evaluated: 'Beoordeeld',
      decided: 'Gunning beslist',
      contracted: 'Overeenkomst gesloten',
    },
    won: 'Perceel {{lot}} ({{title}}) is aan u gegund',
    lost: 'Uw inschrijving voor perceel {{lot}} ({{title}}) is niet gekozen',
    decided: 'Beslist op',
    winner: 'Het perceel is gegund aan {{name}}, wiens inschrijving {{total}} / 100 scoorde.',
    scores: 'Uw scores voor perceel {{lot}}',
    part: 'Onderdeel van de beoordeling',
    yourScore: 'Uw inschrijving',
    criterionMean: '{{title}} (gemiddelde van de beoordelaars, op {{max}})',
    quality: 'Kwaliteitspunten (Q, op 100)',
    price: 'Prijspunten (P, op 100)',
    total: 'Totaal (op 100)',
    rank: 'Rang',
    notRanked: 'niet gerangschikt',
    grounds: 'Redenen voor de afwijzing',
    standstill: 'De opschortende termijn eindigt op',
    standstillWon: 'Tot dan wordt geen overeenkomst gesloten.',
    standstillLost:
      'Tot dan wordt geen overeenkomst gesloten en kunt u beroep instellen tegen deze beslissing.',
    standstillOver: 'De opschortende termijn eindigde op',
    letter: 'Lees de gunningsbrief',
    contractPending: 'De aanbestedende dienst bereidt de overeenkomst voor.',
    contractGenerating: 'De overeenkomst wordt opgemaakt ({{progress}} %).',
    contractFailed: 'De overeenkomst kon niet worden opgemaakt; de aanbestedende dienst is op de hoogte.',
    downloadContract: 'De overeenkomst {{number}} downloaden (pdf)',
  },
  grounds: {
    excluded: 'Er zijn uitsluitingsgronden van toepassing: {{reason}}.',
    'not-selected': 'Niet voldaan aan de selectiecriteria: {{reason}}.',
    noReason: 'geen reden vastgelegd',
    'criterion-not-scored': '{{criterion}} is niet gescoord.',
    'criterion-below-threshold': '{{criterion}}: {{mean}} ligt onder de drempel van {{threshold}}.',
    'quality-below-threshold': 'Kwaliteit {{quality}} ligt onder de drempel van {{threshold}} punten.',
    'abnormally-low-mean':
      'De prijs ligt ten minste 40 % onder het gemiddelde van de andere aanvaardbare inschrijvingen.',
    'abnormally-low-next': 'De prijs ligt ten minste 30 % onder die van de volgende in de rangschikking.',
    outranked: 'Een andere inschrijving behaalde een hogere totaalscore.',
  },
};
