import type { ContractDetails } from '../api/types.js';
import { useLocale } from '../i18n.js';
import { money } from '../lib/format.js';

/** A contract's value and who pays it: the EU's share, then each consortium member's. */
export function ContractSplit({
  contract,
  nameOf,
}: {
  contract: ContractDetails;
  nameOf: (organisationId: string) => string;
}) {
  const { t, locale } = useLocale();
  return (
    <>
      <p className="ecl-u-type-paragraph ecl-u-mb-xs">
        {t('consortia.contract', {
          number: contract.number,
          value: money(contract.valueCents, locale),
          eu: money(contract.split.euCents, locale),
        })}
      </p>
      <ul className="ecl-unordered-list ecl-u-mb-s">
        {contract.split.members.map((m) => (
          <li className="ecl-unordered-list__item" key={m.organisationId}>
            {t('consortia.memberShare', { name: nameOf(m.organisationId), amount: money(m.cents, locale) })}
          </li>
        ))}
      </ul>
    </>
  );
}
