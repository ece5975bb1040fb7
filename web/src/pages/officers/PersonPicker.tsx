import { useState } from 'react';
import type { User } from '../../api/types.js';
import { Select, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';
import { usePeopleSearch } from './people.js';

/**
 * Finds a person of a role by words of their name or e-mail address and picks one: what an officer
 * uses to seat a committee, however many people the platform has.
 */
export function PersonPicker({
  id,
  userRole,
  label,
  action,
  exclude,
  pending = false,
  onPick,
}: {
  id: string;
  userRole: User['role'];
  label: string;
  action: string;
  exclude: string[];
  pending?: boolean;
  onPick: (user: User) => void;
}) {
  const { t } = useLocale();
  const [words, setWords] = useState('');
  const [chosen, setChosen] = useState('');
  const found = usePeopleSearch(userRole, words);
  const options = (found.data?.items ?? []).filter((u) => !exclude.includes(u.id));
  const pick = options.find((u) => u.id === chosen) ?? options[0];
  return (
    <div className="criterion-row">
      <TextField
        id={`${id}-words`}
        label={t('picker.find')}
        required={false}
        value={words}
        onChange={setWords}
      />
      <Select id={id} label={label} value={pick?.id ?? ''} onChange={setChosen}>
        {options.length ? (
          options.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))
        ) : (
          <option value="">{t('picker.none')}</option>
        )}
      </Select>
      <button
        type="button"
        className="ecl-button ecl-button--secondary ecl-u-mb-m"
        disabled={!pick || pending}
        onClick={() => {
          if (!pick) return;
          onPick(pick);
          setWords('');
          setChosen('');
        }}
      >
        {action}
      </button>
    </div>
  );
}
