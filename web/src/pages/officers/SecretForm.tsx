import { type FormEvent, useState } from 'react';
import { Checkbox, Field } from '../../components/forms.js';
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

/**
 * A member replaces a secret already set: with the current secret, or, when it is lost, with their
 * password, after which the change waits for the confirmation e-mailed to them.
 */
export function ReplaceSecretForm({
  pending,
  onReplace,
}: {
  pending: boolean;
  onReplace: (proof: { currentSecret: string } | { password: string }, secret: string) => void;
}) {
  const { t } = useLocale();
  const [lost, setLost] = useState(false);
  const [proof, setProof] = useState('');
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const differ = again.length > 0 && again !== secret;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onReplace(lost ? { password: proof } : { currentSecret: proof }, secret);
    setProof('');
    setSecret('');
    setAgain('');
  };
  const input =
    (id: string, value: string, set: (v: string) => void, auto: string) => (describedBy?: string) => (
      <input
        id={id}
        type="password"
        autoComplete={auto}
        required
        className="ecl-text-input ecl-text-input--l"
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    );
  return (
    <form onSubmit={onSubmit} className="narrow-form">
      <Checkbox id="secret-lost" checked={lost} onChange={setLost}>
        {t('opening.lost')}
      </Checkbox>
      <Field
        id="secret-proof"
        label={lost ? t('opening.yourPassword') : t('opening.currentSecret')}
        help={lost ? t('opening.lostHint') : undefined}
      >
        {input('secret-proof', proof, setProof, 'current-password')}
      </Field>
      <Field
        id="opening-secret"
        label={t('opening.newSecret')}
        help={t('opening.secretHint')}
        error={secret.length > 0 && secret.length < 12 ? t('opening.tooShort') : undefined}
      >
        {input('opening-secret', secret, setSecret, 'new-password')}
      </Field>
      <Field
        id="opening-secret-again"
        label={t('opening.again')}
        error={differ ? t('opening.differ') : undefined}
      >
        {input('opening-secret-again', again, setAgain, 'new-password')}
      </Field>
      <button
        type="submit"
        className="ecl-button ecl-button--primary"
        disabled={pending || !proof || secret.length < 12 || again !== secret}
      >
        {t('opening.change')}
      </button>
    </form>
  );
}
