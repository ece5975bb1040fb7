import { type FormEvent, useState } from 'react';
import { Field } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';

/** A secret typed twice, as a password field: the member's own, never shown back. */
export function SecretForm({
  label,
  confirm,
  submit,
  pending,
  onSecret,
}: {
  label: string;
  confirm: boolean;
  submit: string;
  pending: boolean;
  onSecret: (secret: string) => void;
}) {
  const { t } = useLocale();
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const short = secret.length > 0 && secret.length < 12;
  const differ = confirm && again.length > 0 && again !== secret;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onSecret(secret);
    setSecret('');
    setAgain('');
  };
  return (
    <form onSubmit={onSubmit} className="narrow-form">
      <Field
        id="opening-secret"
        label={label}
        help={t('opening.secretHint')}
        error={short ? t('opening.tooShort') : undefined}
      >
        {(describedBy) => (
          <input
            id="opening-secret"
            type="password"
            autoComplete={confirm ? 'new-password' : 'current-password'}
            required
            className="ecl-text-input ecl-text-input--l"
            aria-describedby={describedBy}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        )}
      </Field>
      {confirm ? (
        <Field
          id="opening-secret-again"
          label={t('opening.again')}
          error={differ ? t('opening.differ') : undefined}
        >
          {(describedBy) => (
            <input
              id="opening-secret-again"
              type="password"
              autoComplete="new-password"
              required
              className="ecl-text-input ecl-text-input--l"
              aria-describedby={describedBy}
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <button
        type="submit"
        className="ecl-button ecl-button--primary"
        disabled={pending || secret.length < 12 || (confirm && again !== secret)}
      >
        {submit}
      </button>
    </form>
  );
}
