import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, must } from '../api/client.js';
import { Instant, Section, TableHead } from '../components/ui.js';
import { useLocale } from '../i18n.js';

export interface DocumentVersion {
  version: number;
  title: string;
  filename: string;
  size: number;
  sha256: string;
  datePublished: string | null;
  url: string;
}

export interface TenderDocument {
  id: string;
  title: string;
  latest: number;
  versions: DocumentVersion[];
}

export interface AmendmentEntry {
  id: string;
  status: 'proposed' | 'published';
  version: number | null;
  publishedAt: string | null;
  proposedAt: string;
  source: 'officer' | 'answer';
  reason: { code: string; text: string };
  significant: boolean;
  lots: number[];
  changes: { field: string; before: unknown; after: unknown }[];
  documents: { id: string; version: number; title: string; sha256: string }[];
}

/** The tender's procurement documents as its reader may see them. */
export function useTenderDocuments(tenderId: string) {
  return useQuery({
    queryKey: ['tender', tenderId, 'documents'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/documents', { params: { path: { id: tenderId } } })) as Promise<{
        items: TenderDocument[];
      }>,
  });
}

/** The tender's amendments (officers also see the proposals), and the earliest deadline a change allows now. */
export function useAmendments(tenderId: string) {
  return useQuery({
    queryKey: ['tender', tenderId, 'amendments'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/amendments', { params: { path: { id: tenderId } } })) as Promise<{
        items: AmendmentEntry[];
        version: number;
        earliestDeadline: string;
        minPeriodAfterChange: string;
      }>,
  });
}

/** A changed value in words: instants as dates, lists and objects by their titles or as short JSON. */
export function ChangedValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useLocale();
  if (value === null || value === undefined) return <>—</>;
  if (typeof value === 'string' && /Deadline|At$/.test(field)) return <Instant iso={value} />;
  if (field === 'lots' && Array.isArray(value))
    return (
      <ul className="ecl-unordered-list ecl-u-mb-none">
        {(value as { number: number; title: string; description?: string }[]).map((l) => (
          <li className="ecl-unordered-list__item" key={l.number}>
            {t('tender.lot', { number: l.number })}: {l.title}
            {l.description ? ` — ${l.description}` : ''}
          </li>
        ))}
      </ul>
    );
  return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>;
}

/** A field's name in words, or as the API names it when the console has no words for it. */
export function useFieldName() {
  const { t } = useLocale();
  return (field: string) => {
    const key = `changes.fields.${field}`;
    const words = t(key);
    return words === key ? field : words;
  };
}

/** The procurement documents (every published version, with its SHA-256) and the history of the tender's changes. */
export function TenderChanges({ tenderId, version }: { tenderId: string; version: number }) {
  const { t } = useLocale();
  const documents = useTenderDocuments(tenderId);
  const amendments = useAmendments(tenderId);
  const fieldName = useFieldName();
  const published = (amendments.data?.items ?? []).filter((a) => a.status === 'published');
  return (
    <>
      <Section id="procurement-documents" title={t('changes.documents')}>
        {documents.data?.items.length ? (
          <table className="ecl-table ecl-table--zebra">
            <TableHead
              columns={[t('changes.document'), t('changes.version'), t('changes.published'), 'SHA-256']}
            />
            <tbody className="ecl-table__body">
              {documents.data.items.flatMap((d) =>
                d.versions
                  .filter((v) => v.datePublished)
                  .map((v) => (
                    <tr className="ecl-table__row" key={`${d.id}-${v.version}`}>
                      <td className="ecl-table__cell" data-ecl-table-header={t('changes.document')}>
                        <a className="ecl-link" href={`/api/v1${v.url}`}>
                          {t('changes.download', { title: v.title, version: v.version })}
                        </a>
                      </td>
                      <td className="ecl-table__cell" data-ecl-table-header={t('changes.version')}>
                        {v.version === d.latest ? t('changes.latest', { version: v.version }) : v.version}
                      </td>
                      <td className="ecl-table__cell" data-ecl-table-header={t('changes.published')}>
                        {v.datePublished ? <Instant iso={v.datePublished} /> : null}
                      </td>
                      <td className="ecl-table__cell" data-ecl-table-header="SHA-256">
                        <code className="receipt-hash">{v.sha256}</code>
                      </td>
                    </tr>
                  )),
              )}
            </tbody>
          </table>
        ) : (
          <p className="ecl-u-type-paragraph">{t('changes.noDocuments')}</p>
        )}
      </Section>
      <Section id="tender-history" title={t('changes.history', { version })}>
        {published.length ? (
          published.map((a) => (
            <div className="ecl-u-mb-l" key={a.id}>
              <h3 className="ecl-u-type-heading-4 ecl-u-mb-xs">
                {t('changes.versionOf', { version: a.version ?? '' })} ·{' '}
                {a.publishedAt ? <Instant iso={a.publishedAt} /> : null}
              </h3>
              <p className="ecl-u-type-paragraph ecl-u-mb-xs">
                {t(`changes.reasons.${a.reason.code}`)}: {a.reason.text}
              </p>
              <ChangeTable amendment={a} fieldName={fieldName} />
            </div>
          ))
        ) : (
          <p className="ecl-u-type-paragraph">{t('changes.noChanges')}</p>
        )}
      </Section>
    </>
  );
}

/** An amendment field by field, before and after, with the documents it publishes. */
export function ChangeTable({
  amendment,
  fieldName,
}: {
  amendment: AmendmentEntry;
  fieldName: (field: string) => string;
}) {
  const { t } = useLocale();
  return (
    <table className="ecl-table">
      <TableHead columns={[t('changes.field'), t('changes.before'), t('changes.after')]} />
      <tbody className="ecl-table__body">
        {amendment.changes.map((c) => (
          <tr className="ecl-table__row" key={c.field}>
            <td className="ecl-table__cell" data-ecl-table-header={t('changes.field')}>
              {fieldName(c.field)}
            </td>
            <td className="ecl-table__cell" data-ecl-table-header={t('changes.before')}>
              <ChangedValue field={c.field} value={c.before} />
            </td>
            <td className="ecl-table__cell" data-ecl-table-header={t('changes.after')}>
              <ChangedValue field={c.field} value={c.after} />
            </td>
          </tr>
        ))}
        {amendment.documents.map((d) => (
          <tr className="ecl-table__row" key={d.id}>
            <td className="ecl-table__cell" data-ecl-table-header={t('changes.field')}>
              {t('changes.document')}
            </td>
            <td className="ecl-table__cell" data-ecl-table-header={t('changes.before')}>
              {d.title}
            </td>
            <td className="ecl-table__cell" data-ecl-table-header={t('changes.after')}>
              {t('changes.newVersion', { version: d.version })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The change a resolution approves, field by field, as the members see it before they vote. */
export function AmendmentUnderVote({ tenderId, amendmentId }: { tenderId: string; amendmentId: string }) {
  const { t } = useLocale();
  const amendments = useAmendments(tenderId);
  const fieldName = useFieldName();
  const a = amendments.data?.items.find((x) => x.id === amendmentId);
  if (!a) return null;
  return (
    <Section id="amendment-under-vote" title={t('changes.underVote')}>
      <p className="ecl-u-type-paragraph">
        <Link className="ecl-link" to={`/tenders/${tenderId}`}>
          {t('changes.toTender')}
        </Link>
      </p>
      <p className="ecl-u-type-paragraph ecl-u-mb-xs">
        {t(`changes.reasons.${a.reason.code}`)}: {a.reason.text}
      </p>
      <ChangeTable amendment={a} fieldName={fieldName} />
    </Section>
  );
}
