import { expect } from 'chai';
import { renderContractPdf } from '../../server/contracts/contract-document.js';
import type { ContractData } from '../../templates/pdf/contract.js';
import { pdfText } from '../support/pdf.js';

const data = (language: string): ContractData => ({
  number: 'ECCC-JP-2026-001-L1',
  date: '2026-11-23T10:00:00.000Z',
  language,
  authority: { name: 'European Cybersecurity Competence Centre', country: 'RO' },
  members: [
    { name: 'Centre for Cybersecurity Belgium', country: 'BE', cents: 5_000_001 },
    { name: 'Bundesamt für Sicherheit in der Informationstechnik', country: 'DE', cents: 2_999_999 },
    { name: 'Naukowa i Akademicka Sieć Komputerowa', country: 'PL', cents: 2_000_000 },
  ],
  vendor: { name: 'Détection Sécurité SA', country: 'FR' },
  tender: { reference: 'ECCC-JP-2026-001', title: 'Detection tools', cpvCodes: ['48730000'] },
  lot: { number: 1, title: 'SIEM' },
  valueCents: 40_000_000,
  euCents: 30_000_000,
  cofundingRate: 0.75,
  durationYears: 5,
});

const text = pdfText;

describe('contract PDF layout', () => {
  it('when the authority writes Dutch, then the contract is in Dutch with Dutch amounts and accents intact', async () => {
    const { bytes } = await renderContractPdf(data('nl'), 'x');
    const t = await text(bytes);
    expect(t).to.include('Kostenverdeling');
    expect(t).to.match(/€\s300\.000,00/);
    expect(t).to.match(/€\s50\.000,01/);
    expect(t).to.include('Bundesamt für Sicherheit');
    expect(t).to.include('Sieć Komputerowa');
    expect(t).to.include('Détection Sécurité SA');
    expect(t).to.match(/Pagina 1 van \d/);
  });

  it('when the same data is rendered twice, then the bytes are the same; other data gives other bytes and another digest', async () => {
    const a = await renderContractPdf(data('en'), 'x');
    const b = await renderContractPdf(data('en'), 'x');
    expect(a.bytes.equals(b.bytes)).to.equal(true);
    const c = await renderContractPdf({ ...data('en'), valueCents: 40_000_001 }, 'x');
    expect(c.bytes.equals(a.bytes)).to.equal(false);
    expect(c.dataSha256).not.to.equal(a.dataSha256);
  });
});
