import { createHash } from 'node:crypto';
import countries from 'i18n-iso-countries';
import { el, maybe, type XmlNode } from '../xml.js';

// What an ESPD request and a response share: the procedure they are about, the header and the
// parties' addresses, the lots, and the identifiers' schemes as the ESPD-EDM 4.1.0 writes them.

/** Who buys and what: the parts of the tender a request and a response repeat. */
export interface EspdProcedure {
  tenderId: string;
  reference: string;
  title: string;
  description: string;
  issuedAt: Date;
  lots: number[];
  buyer: { id: string; name: string; country: string; registrationNumber?: string | null };
}

export const lotId = (lot: number) => `LOT-${String(lot).padStart(4, '0')}`;

/** A UUID made from a name, so that the same document keeps the same UUID. */
export const nameUuid = (name: string) => {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export const CRITERION_ID = { schemeID: 'Criterion', schemeAgencyID: 'OP', schemeVersionID: '4.1.0' };
export const alpha3 = (country: string) => countries.alpha2ToAlpha3(country) ?? country;

/** The EU country list, as the ESPD-EDM's codelist rules want it named. */
export const COUNTRY_LIST = {
  listID: 'http://publications.europa.eu/resource/authority/country',
  listAgencyID: 'OP',
  listVersionID: '20250924-0',
};

/** The document's header up to the procedure code, shared by the request and the response. */
export function documentHeader(
  kind: 'REQ' | 'RESP',
  id: string,
  p: EspdProcedure,
  issuedAt: Date,
): XmlNode[] {
  const iso = issuedAt.toISOString();
  return [
    el('cbc:UBLVersionID', { schemeAgencyID: 'OASIS-UBL-TC' }, '2.3'),
    el('cbc:ProfileExecutionID', { schemeAgencyID: 'OP', schemeVersionID: '4.1.0' }, 'ESPD-EDMv4.1.0'),
    el('cbc:ID', { schemeAgencyID: 'OP' }, `ESPD${kind}-${id}`),
    el('cbc:CopyIndicator', 'false'),
    el(
      'cbc:UUID',
      { schemeID: 'ISO/IEC 9834-8:2008 - 4UUID', schemeAgencyID: 'OP', schemeVersionID: '4.1.0' },
      nameUuid(`${kind}/${id}`),
    ),
    el('cbc:ContractFolderID', { schemeAgencyID: 'OP' }, p.reference),
    el('cbc:IssueDate', iso.slice(0, 10)),
    el('cbc:IssueTime', `${iso.slice(11, 19)}Z`),
    el('cbc:VersionID', { schemeAgencyID: 'OP', schemeVersionID: '4.1.0' }, '4.1.0'),
    el(
      'cbc:ProcedureCode',
      {
        listID: 'http://publications.europa.eu/resource/authority/procurement-procedure-type',
        listAgencyID: 'OP',
        listVersionID: '20250924-0',
      },
      'open',
    ),
    el(
      'cac:ContractingParty',
      el(
        'cac:Party',
        el(
          'cac:PartyIdentification',
          el('cbc:ID', { schemeAgencyID: 'OP' }, p.buyer.registrationNumber || p.buyer.id),
        ),
        el('cac:PartyName', el('cbc:Name', p.buyer.name)),
        el('cac:PostalAddress', countryElement(p.buyer.country)),
      ),
    ),
  ];
}

export const countryElement = (country: string) =>
  el('cac:Country', el('cbc:IdentificationCode', COUNTRY_LIST, alpha3(country)));

export const NAMESPACES = {
  'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

export const projectElements = (p: EspdProcedure, lots: number[]) => [
  el(
    'cac:ProcurementProject',
    maybe('cbc:Name', p.title),
    el('cbc:Description', p.description.slice(0, 4000)),
  ),
  ...lots.map((lot) => el('cac:ProcurementProjectLot', el('cbc:ID', CRITERION_ID, lotId(lot)))),
];
