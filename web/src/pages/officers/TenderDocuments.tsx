import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { postForm } from '../../api/client.js';
import type { Tender } from '../../api/types.js';
import { FilePicker } from '../../components/FilePicker.js';
import { Notice, ProblemNotice } from '../../components/feedback.js';
import { Select, TextField } from '../../components/forms.js';
import { Instant, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';
import { type TenderDocument, useTenderDocuments } from '../TenderChanges.js';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.zip,.7z';

/**
 * Officers upload the procurement documents: to a draft (published with it), or after publication
 * as a new version that an amendment publishes. Every version is listed with whether it is public.
 */
export function TenderDocuments({ tender }: { tender: Tender }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const documents = useTenderDocuments(tender.id);
  const [title, setTitle] = useState('');
  const [replaces, setReplaces] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('document', JSON.stringify({ title: title.trim(), ...(replaces ? { replaces } : {}) }));
      form.append('file', files[0] as File, (files[0] as File).name);
      return postForm<TenderDocument>(`/tenders/${tender.id}/documents`, form);
    },
    onSuccess: () => {
      setFiles([]);
      setTitle('');
      setReplaces('');
      return queries.invalidateQueries({ queryKey: ['tender', tender.id] });
    },
  });
  const refused = upload.error instanceof ProblemError ? upload.error : undefined;
  const items = documents.data?.items ?? [];
  return (
    <Section id="office-documents" title={t('changes.officeDocuments')}>
      <p className="ecl-u-type-paragraph">
        {tender.status === 'draft' ? t('changes.draftDocumentsIntro') : t('changes.publishedDocumentsIntro')}
      </p>
      {items.length ? (
        <table className="ecl-table ecl-u-mb-l">
          <TableHead columns={[t('changes.document'), t('changes.version'), t('changes.published')]} />
          <tbody className="ecl-table__body">
            {items.flatMap((d) =>
              d.versions.map((v) => (
                <tr className="ecl-table__row" key={`${d.id}-${v.version}`}>
                  <td className="ecl-table__cell" data-ecl-table-header={t('changes.document')}>
                    {v.title} ({v.filename})
                  </td>
                  <td className="ecl-table__cell" data-ecl-table-header={t('changes.version')}>
                    {v.version}
                  </td>
                  <td className="ecl-table__cell" data-ecl-table-header={t('changes.published')}>
                    {v.datePublished ? <Instant iso={v.datePublished} /> : t('changes.notYetPublished')}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      ) : null}
      {upload.isSuccess ? <Notice variant="success" title={t('changes.uploaded')} /> : null}
      {refused ? <ProblemNotice problem={refused} /> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          upload.mutate();
        }}
      >
        {items.length ? (
          <Select
            id="document-replaces"
            label={t('changes.replaces')}
            value={replaces}
            onChange={setReplaces}
          >
            <option value="">{t('changes.newDocument')}</option>
            {items.map((d) => (
              <option key={d.id} value={d.id}>
                {t('changes.newVersionOf', { title: d.title })}
              </option>
            ))}
          </Select>
        ) : null}
        <TextField
          id="document-title"
          label={t('changes.title')}
          value={title}
          onChange={setTitle}
          error={refused?.fieldMessage('/document/title')}
        />
        <FilePicker
          id="document-file"
          label={t('changes.file')}
          hint={t('changes.fileHint')}
          accept={ACCEPT}
          files={files}
          onChange={(f) => setFiles(f.slice(-1))}
        />
        <button
          type="submit"
          className="ecl-button ecl-button--secondary ecl-u-mt-m"
          disabled={upload.isPending || !title.trim() || !files.length}
        >
          {t('changes.upload')}
        </button>
      </form>
    </Section>
  );
}
