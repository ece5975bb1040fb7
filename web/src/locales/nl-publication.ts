import type { publicationEn } from './en-publication.js';

/** De woorden van de console voor de EU-aankondigingen (eForms) van een oproep of aanbesteding, in het Nederlands. */
export const publicationNl: typeof publicationEn = {
  eforms: {
    title: 'Aankondigingen (eForms)',
    intro:
      'De aankondigingen die deze procedure via TED in het Publicatieblad van de EU publiceert, als eForms-XML die vóór publicatie aan de eigen regels van de EU wordt getoetst.',
    none: 'Nog geen aankondiging.',
    notice: 'Aankondiging',
    version: 'Versie',
    status: 'Status',
    ted: 'Publicatie bij TED',
    download: 'XML downloaden',
    actions: 'De aankondiging zelf',
    downloadOf: 'Aankondiging {{subtype}} versie {{version}} downloaden (XML)',
    changes: 'Wijzigt aankondiging {{id}}',
    kind: {
      cei: 'Oproep tot het uiten van belangstelling (CEI)',
      contract: 'Aankondiging van een opdracht (16)',
      change: 'Wijzigingsaankondiging (16)',
      award: 'Aankondiging van gegunde opdracht (29)',
    },
    state: {
      validating: 'Wordt getoetst',
      unvalidated: 'Niet getoetst (geen eForms-SDK ingesteld)',
      valid: 'Geldig, klaar voor TED',
      invalid: 'Overtreedt eForms-regels',
      submitted: 'Ingediend bij TED',
      publishing: 'Wordt door TED gepubliceerd',
      published: 'Gepubliceerd in het PB S',
      'not-published': 'Niet gepubliceerd door TED',
      stopped: 'Gestopt',
    },
    tedReasons: 'Redenen van TED',
    correct: 'Verbeteren en opnieuw versturen',
    correctOf:
      'Aankondiging {{subtype}} versie {{version}} verbeteren vanuit de procedure zoals ze nu is en als volgende versie versturen',
    failedRules: 'Regels die deze aankondiging overtreedt',
    publishAward: 'Aankondiging van gegunde opdracht publiceren',
    publishAwardHint:
      'Zodra elk perceel zijn contract heeft (of geen inschrijving kreeg), wordt de gunningsaankondiging vanzelf gemaakt; publiceer haar hier opnieuw nadat u hebt hersteld wat haar regels noemden.',
  },
  publicationFields: {
    title: 'Voor de EU-aankondigingen',
    duration: 'Looptijd van de opdracht (maanden)',
    durationHint: 'Gepubliceerd in de aankondiging van de opdracht (BT-36).',
    place: 'Plaats van uitvoering (NUTS-code)',
    placeHint: 'De regio waar de hulpmiddelen draaien, bijv. BE100 voor Brussel (BT-5071).',
    reviewBody: 'Beroepsinstantie',
    reviewBodyHint:
      'Wie klachten over deze aanbesteding behandelt; zonder keuze de beroepsinstantie van het platform.',
    reviewBodyDefault: 'De beroepsinstantie van het platform',
  },
};
