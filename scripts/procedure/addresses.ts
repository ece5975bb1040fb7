// Where the demo's and the tests' made-up organisations are: a capital of their country, its NUTS
// region (as the eForms SDK's lists have it), a postal code, a telephone number and a registration
// number, so that the notices they appear in carry what eForms requires of an organisation.

const capitals: Record<string, [city: string, postalCode: string, nuts: string]> = {
  AT: ['Wien', '1010', 'AT130'],
  BE: ['Brussels', '1000', 'BE100'],
  BG: ['Sofia', '1000', 'BG411'],
  CY: ['Nicosia', '1010', 'CY000'],
  CZ: ['Praha', '11000', 'CZ010'],
  DE: ['Berlin', '10115', 'DE300'],
  DK: ['København', '1050', 'DK011'],
  EE: ['Tallinn', '10111', 'EE001'],
  ES: ['Madrid', '28001', 'ES300'],
  FI: ['Helsinki', '00100', 'FI1B1'],
  FR: ['Paris', '75001', 'FR101'],
  GR: ['Athens', '10552', 'EL303'],
  HR: ['Zagreb', '10000', 'HR050'],
  HU: ['Budapest', '1051', 'HU110'],
  IE: ['Dublin', 'D02', 'IE061'],
  IT: ['Roma', '00184', 'ITI43'],
  LT: ['Vilnius', '01100', 'LT011'],
  LU: ['Luxembourg', '1009', 'LU000'],
  LV: ['Rīga', 'LV-1050', 'LV009'],
  MT: ['Valletta', 'VLT 1000', 'MT001'],
  NL: ['Den Haag', '2511', 'NL321'],
  PL: ['Warszawa', '00-001', 'PL911'],
  PT: ['Lisboa', '1000-001', 'PT1A0'],
  RO: ['Bucureşti', '010011', 'RO321'],
  SE: ['Stockholm', '11120', 'SE110'],
  SI: ['Ljubljana', '1000', 'SI041'],
  SK: ['Bratislava', '81101', 'SK010'],
};

let serial = 0;

/** An address, contact and registration for an organisation of the country (no region outside the lists). */
export function sampleDetails(country: string, kind?: string) {
  const [city, postalCode, nuts] = capitals[country] ?? ['Capital', '1000', undefined];
  serial++;
  return {
    city,
    postalCode,
    ...(nuts ? { nuts } : {}),
    phone: `+32 2 555 ${String(1000 + (serial % 9000)).padStart(4, '0')}`,
    registrationNumber: `${country}-${String(100000 + serial)}`,
    ...(kind === 'vendor' ? { size: serial % 2 ? 'small' : 'large' } : {}),
  };
}
