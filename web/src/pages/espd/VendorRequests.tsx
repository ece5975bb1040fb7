import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { postForm } from '../../api/client.js';
import { DOCUMENT_TYPES, FilePicker } from '../../components/FilePicker.js';
import { Notice, ProblemNotice } from '../../components/feedback.js';
import { TextArea } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';
import type { BidderRequest } from './espd-types.js';
import { RequestSummary, useTenderRequests } from './requests.js';

// What the buyer asked of the vendor after the opening, answered on the platform before the
// deadline: its words and the addresses where its evidence can be read.

function Answer({ r, onDone }: { r: BidderRequest; onDone: () => void }) {
  const { t } = useLocale();
  const [text, setText] = useState('');
  const [urls, setUrls] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const answer = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append(
        'answer',
        JSON.stringify({
          text: text.trim(),
          evidenceUrls: urls
            .split('\n')
            .map((u) => u.trim())
            .filter(Boolean),
        }),
      );
      for (const f of files) form.append('documents', f, f.name);
      return postForm<BidderRequest>(`/requests/${r.id}/answer`, form);
    },
    onSuccess: onDone,
  });
  const field = (path: string) =>
    answer.error instanceof ProblemError ? answer.error.fieldMessage(path) : undefined;
  return (
    <form
      className="ecl-u-mb-m"
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate();
      }}
    >
      {answer.error instanceof ProblemError ? <ProblemNotice problem={answer.error} /> : null}
      <TextArea
        id={`answer-${r.id}`}
        label={t('requests.yourAnswer')}
        rows={4}
        value={text}
        onChange={setText}
        error={field('/text')}
      />
      <TextArea
        id={`answer-${r.id}-urls`}
        label={t('requests.evidenceUrls')}
        rows={2}
        required={false}
        value={urls}
        onChange={setUrls}
        error={field('/evidenceUrls')}
      />
      <FilePicker
        id={`answer-${r.id}-documents`}
        label={t('requests.documents')}
        hint={t('requests.documentsHint')}
        accept={DOCUMENT_TYPES}
        files={files}
        onChange={setFiles}
      />
      <button
        type="submit"
        className="ecl-button ecl-button--primary"
        disabled={answer.isPending || !text.trim()}
      >
        {t('requests.sendAnswer')}
      </button>
    </form>
  );
}

/** The requests asked of the signed-in vendor on this tender, each answered here while open. */
export function VendorRequests({ tenderId }: { tenderId: string }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const requests = useTenderRequests(tenderId);
  const [answered, setAnswered] = useState(false);
  const items = requests.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section aria-labelledby="vendor-requests" className="ecl-u-mb-l">
      <h3 className="ecl-u-type-heading-3" id="vendor-requests">
        {t('requests.vendorTitle')}
      </h3>
      <p className="ecl-u-type-paragraph">{t('requests.vendorIntro')}</p>
      {answered ? <Notice variant="success">{t('requests.answered')}</Notice> : null}
      {items.map((r) => (
        <div key={r.id} className="request-card ecl-u-mb-m">
          <RequestSummary r={r} />
          {r.status === 'open' && new Date(r.dueAt).getTime() > Date.now() ? (
            <Answer
              r={r}
              onDone={() => {
                setAnswered(true);
                void queries.invalidateQueries({ queryKey: ['tender', tenderId, 'requests'] });
              }}
            />
          ) : null}
        </div>
      ))}
    </section>
  );
}
