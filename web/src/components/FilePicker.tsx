import { type DragEvent, useId, useState } from 'react';
import { useLocale } from '../i18n.js';
import { number } from '../lib/format.js';

/** The files a bid (and a complaint) may carry, by their extensions: what the file chooser offers. */
export const DOCUMENT_TYPES =
  '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.zip,.7z,.png,.jpg,.jpeg,.tif,.tiff,.webp';

/** Bytes in words: `1,4 MB` in Dutch, `1.4 MB` in English. */
function size(bytes: number, locale: 'en' | 'nl'): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${number(bytes / 1_000, locale, 0)} kB`;
  return `${number(bytes / 1_000_000, locale, 1)} MB`;
}

/**
 * The design system's file upload: a button that opens the file chooser (the input itself is
 * hidden but keeps the focus and the label), a zone the files can be dropped on, and the list of
 * chosen files, each with its size and a button to take it out again.
 */
export function FilePicker({
  id,
  label,
  hint,
  accept,
  files,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  accept: string;
  files: File[];
  onChange: (files: File[]) => void;
}) {
  const { t, locale } = useLocale();
  const [over, setOver] = useState(false);
  const helpId = useId();
  // The same file chosen twice (by name and size) is kept once.
  const add = (more: File[]) =>
    onChange([...files, ...more.filter((f) => !files.some((g) => g.name === f.name && g.size === f.size))]);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(Array.from(e.dataTransfer.files));
  };
  return (
    <div className="ecl-form-group ecl-u-mb-m">
      <label className="ecl-form-label" htmlFor={id}>
        {label}
      </label>
      <div className="ecl-help-block" id={helpId}>
        {hint}
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the button does the same by keyboard */}
      <div
        className={`file-drop${over ? ' file-drop--over' : ''}`}
        data-testid={`${id}-drop`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <input
          id={id}
          type="file"
          multiple
          accept={accept}
          aria-describedby={helpId}
          className="ecl-file-upload"
          onChange={(e) => {
            add(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
        <label className="ecl-file-upload__button-container" htmlFor={id}>
          <span className="ecl-file-upload__button ecl-button ecl-button--secondary">
            {t('files.choose')}
          </span>
        </label>
        <span className="file-drop__text">{t('files.drop')}</span>
      </div>
      {files.length ? (
        <ul className="ecl-file-upload__list" aria-label={t('files.chosen')}>
          {files.map((f) => (
            <li className="ecl-file-upload__item" key={`${f.name}:${f.size}`}>
              <span className="ecl-file-upload__item-name">{f.name}</span>{' '}
              <span className="ecl-file-upload__item-meta">({size(f.size, locale)})</span>{' '}
              <button
                type="button"
                className="ecl-button ecl-button--ghost"
                onClick={() => onChange(files.filter((g) => g !== f))}
              >
                {t('files.remove', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
