import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, must } from '../api/client.js';
import { ProblemNotice } from '../components/feedback.js';
import { downloadFile } from '../components/save-file.js';
import { Instant, Loading, PageHeader } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { ProblemError } from '../lib/problems.js';

interface NoticeText {
  id: string;
  template: string;
  status: string;
  createdAt: string;
  subjectLine: string;
  text: string;
  attachments: { n: number; kind: string }[];
}

/** One notice as its recipient received it (a receipt, an award decision with its grounds), and its letters. */
export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useLocale();
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const notice = useQuery({
    queryKey: ['notice', id],
    queryFn: () => must(api.GET('/api/v1/notices/{id}', { params: { path: { id } } })) as Promise<NoticeText>,
  });
  const open = async (n: number) =>
    setProblem(await downloadFile(`/notices/${id}/attachments/${n}`, 'letter.pdf'));
  if (notice.error instanceof ProblemError)
    return (
      <div className="ecl-container ecl-u-mt-l">
        <ProblemNotice problem={notice.error} />
      </div>
    );
  if (!notice.data) return <Loading />;
  const n = notice.data;
  return (
    <>
      <PageHeader title={n.subjectLine} meta={<Instant iso={n.createdAt} />} />
      <div className="ecl-container ecl-u-mt-l">
        {problem ? <ProblemNotice problem={problem} /> : null}
        <div className="notice-text ecl-u-type-paragraph">{n.text}</div>
        {n.attachments.map((a) => (
          <button
            key={a.n}
            type="button"
            className="ecl-button ecl-button--secondary ecl-u-mt-l ecl-u-mr-s"
            onClick={() => void open(a.n)}
          >
            {t(`notices.attachment.${a.kind}`, { defaultValue: a.kind })}
          </button>
        ))}
      </div>
    </>
  );
}
