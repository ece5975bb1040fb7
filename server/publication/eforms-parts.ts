import countries from 'i18n-iso-countries';
import { el, maybe, type XmlElement } from '../xml.js';

// The parts every eForms notice shares: its root and header, the organisations it names, the
// buyers as contracting parties, dates, amounts and identifiers as the SDK writes them.

export const SDK_VERSION = 'eforms-sdk-1.15';
export const LANGUAGE = 'ENG';

const namespaces = {
  'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  'xmlns:ext': 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
  'xmlns:efac': 'http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1',
  'xmlns:efbc': 'http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1',
  'xmlns:efext': 'http://data.europa.eu/p27/eforms-ubl-extensions/1',
};

/** An organisation as a notice names it (BT-500…BT-739); `key` is its ORG-nnnn within the notice. */
export interface NoticeParty {
  key: string;
  name: string;
  /** ISO 3166-1 alpha-2, as the platform keeps it. */
  country: string;
  city?: string | null;
  postalCode?: string | null;
  nuts?: string | null;
  registrationNumber?: string | null;
  email: string;
  phone?: string | null;
  website?: string | null;
  /** micro, small, medium or large (BT-165), for a winner. */
  size?: string | null;
}

/** The header every notice starts with: which notice, of which procedure, issued when. */
export interface NoticeHeader {
  noticeId: string;
  version: string;
  procedureId: string;
  issuedAt: Date;
}

export const orgKey = (n: number) => `ORG-${String(n).padStart(4, '0')}`;
export const lotKey = (n: number) => `LOT-${String(n).padStart(4, '0')}`;
/** eForms' country codes are ISO 3166-1 alpha-3. */
export const country3 = (alpha2: string) => countries.alpha2ToAlpha3(alpha2) ?? alpha2;
export const eformsDate = (d: Date) => `${d.toISOString().slice(0, 10)}Z`;
export const eformsTime = (d: Date) => `${d.toISOString().slice(11, 19)}Z`;
export const money = (name: string, cents: number) =>
  el(name, { currencyID: 'EUR' }, (cents / 100).toFixed(2));
export const text = (name: string, value: string) => el(name, { languageID: LANGUAGE }, value);
export const code = (name: string, listName: string, value: string) => el(name, { listName }, value);
export const orgRef = (key: string) =>
  el('cac:PartyIdentification', el('cbc:ID', { schemeName: 'organization' }, key));

/** The extension block: `efext:EformsExtension` with what the notice puts there. */
export const extension = (...content: Parameters<typeof el>[2][]) =>
  el(
    'ext:UBLExtensions',
    el('ext:UBLExtension', el('ext:ExtensionContent', el('efext:EformsExtension', ...content))),
  );

/** The organisations section: each party once, the lead buyer marked when there are joint buyers. */
export function organizations(parties: NoticeParty[], lead?: { leadKey: string; buyerKeys: string[] }) {
  return el(
    'efac:Organizations',
    parties.map((p) =>
      el(
        'efac:Organization',
        lead?.buyerKeys.includes(p.key) && el('efbc:GroupLeadIndicator', String(p.key === lead.leadKey)),
        el(
          'efac:Company',
          maybe('cbc:WebsiteURI', p.website),
          p.size && code('efbc:CompanySizeCode', 'economic-operator-size', p.size),
          orgRef(p.key),
          el('cac:PartyName', text('cbc:Name', p.name)),
          el(
            'cac:PostalAddress',
            maybe('cbc:CityName', p.city),
            maybe('cbc:PostalZone', p.postalCode),
            p.nuts && code('cbc:CountrySubentityCode', 'nuts', p.nuts),
            el('cac:Country', code('cbc:IdentificationCode', 'country', country3(p.country))),
          ),
          p.registrationNumber && el('cac:PartyLegalEntity', el('cbc:CompanyID', p.registrationNumber)),
          el('cac:Contact', maybe('cbc:Telephone', p.phone), el('cbc:ElectronicMail', p.email)),
        ),
      ),
    ),
  );
}

/** A buyer as a contracting party: its legal type and activity, and which organisation it is. */
export const contractingParty = (key: string, legalType: string, extra?: XmlElement) =>
  el(
    'cac:ContractingParty',
    el('cac:ContractingPartyType', code('cbc:PartyTypeCode', 'buyer-legal-type', legalType)),
    extra,
    el('cac:ContractingActivity', code('cbc:ActivityTypeCode', 'authority-activity', 'gen-pub')),
    el('cac:Party', orgRef(key)),
  );

/**
 * Joint buyers: the Centre (an EU body) first and lead, then each member of the consortium (bodies
 * governed by public law), as organisations beside the others the notice names, and as contracting
 * parties.
 */
export function jointBuyers(buyers: NoticeParty[], others: NoticeParty[]) {
  const buyerKeys = buyers.map((b) => b.key);
  const [centre, ...members] = buyers;
  return {
    organizations: organizations(
      [...buyers, ...others],
      buyers.length > 1 ? { leadKey: buyerKeys[0] as string, buyerKeys } : undefined,
    ),
    contractingParties: [
      centre && contractingParty(centre.key, 'eu-ins-bod-ag'),
      members.map((m) => contractingParty(m.key, 'body-pl')),
    ],
  };
}

/** The root element with the header fields (BT-701, BT-757, BT-04, BT-05, BT-01, BT-02, BT-702). */
export function noticeRoot(
  root: 'ContractNotice' | 'ContractAwardNotice' | 'PriorInformationNotice',
  h: NoticeHeader,
  ext: XmlElement,
  regulatoryDomain: string,
  noticeType: { listName: string; code: string },
  body: Parameters<typeof el>[2][],
) {
  const ns = `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`;
  return el(
    root,
    { xmlns: ns, ...namespaces },
    ext,
    el('cbc:UBLVersionID', '2.3'),
    el('cbc:CustomizationID', SDK_VERSION),
    el('cbc:ID', { schemeName: 'notice-id' }, h.noticeId),
    el('cbc:ContractFolderID', h.procedureId),
    el('cbc:IssueDate', eformsDate(h.issuedAt)),
    el('cbc:IssueTime', eformsTime(h.issuedAt)),
    el('cbc:VersionID', h.version),
    el('cbc:RegulatoryDomain', regulatoryDomain),
    code('cbc:NoticeTypeCode', noticeType.listName, noticeType.code),
    el('cbc:NoticeLanguageCode', LANGUAGE),
    ...body,
  );
}
