import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { postForm } from '../../api/client.js';
import { DOCUMENT_TYPES, FilePicker } from '../../components/FilePicker.js';
import { firstProblem, ProblemNotice } from '../../components/feedback.js';
import { Select, TextArea, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';
import { dateTime } from '../../lib/format.js';
import { type Complaint, type ComplaintWindow, subjectOf } from './complaints.js';

const key = (w: ComplaintWindow) => `${w.against}:${w.lot ?? ''}`;

/**
 * A vendor lodges a complaint while a window is open to it: it chooses what it complains of (each
 * with the end of its window), gives its grounds and text, and may add documents. The complaint's
 * page then follows it.
 */
export function LodgeComplaint({
  tenderId,
  windows,
  reviewBody,
}: {
  tenderId: string;
  windows: ComplaintWindow[];
  reviewBody: string;
}) {
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(key(windows[0] as ComplaintWindow));
  const [grounds, setGrounds] = useState('');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const window = windows.find((w) => key(w) === chosen) ?? (windows[0] as ComplaintWindow);
  const lodge = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append(
        'complaint',
        JSON.stringify({
          against: window.against,
          ...(window.lot ? { lot: window.lot } : {}),
          grounds: grounds.trim(),
          text: text.trim(),
        }),
      );
      for (const f of files) form.append('documents', f, f.name);
      return postForm<Complaint>(`/tenders/${tenderId}/complaints`, form);
    },
    onSuccess: async (c) => {
      await queries.invalidateQueries({ queryKey: ['tender', tenderId, 'complaints'] });
      navigate(`/complaints/${c.id}`, { state: { lodged: true } });
    },
  });
  const refused = firstProblem(lodge.error);
  return (
    <section aria-labelledby="lodge-complaint" className="ecl-u-mt-l">
      <h3 className="ecl-u-type-heading-3" id="lodge-complaint">
        {t('review.lodge.title')}
      </h3>
      <p className="ecl-u-type-paragraph">{t('review.lodge.intro', { body: reviewBody })}</p>
      {refused ? <ProblemNotice problem={refused} /> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          lodge.mutate();
        }}
      >
        <Select
          id="complaint-what"
          label={t('review.lodge.what')}
          value={chosen}
          onChange={setChosen}
          size="l"
        >
          {windows.map((w) => (
            <option key={key(w)} value={key(w)}>
              {subjectOf(t, w)}
            </option>
          ))}
        </Select>
        <p className="ecl-u-type-paragraph ecl-u-mt-none" role="status">
          {t('review.lodge.closes', { until: dateTime(window.until, locale) })}
        </p>
        <TextField
          id="complaint-grounds"
          label={t('review.lodge.grounds')}
          help={t('review.lodge.groundsHint')}
          value={grounds}
          onChange={setGrounds}
          size="l"
          error={refused?.fieldMessage('/grounds')}
        />
        <TextArea
          id="complaint-text"
          label={t('review.lodge.text')}
          help={t('review.lodge.textHint')}
          rows={6}
          value={text}
          onChange={setText}
          error={refused?.fieldMessage('/text')}
        />
        <FilePicker
          id="complaint-documents"
          label={t('review.lodge.documents')}
          hint={t('review.lodge.documentsHint')}
          accept={DOCUMENT_TYPES}
          files={files}
          onChange={setFiles}
        />
        <button
          type="submit"
          className="ecl-button ecl-button--primary"
          disabled={lodge.isPending || !grounds.trim() || !text.trim()}
        >
          {t('review.lodge.send')}
        </button>
      </form>
    </section>
  );
}
