import { Link } from 'react-router-dom';
import { PageHeader } from '../components/ui.js';
import { useLocale } from '../i18n.js';

export function NotFound() {
  const { t } = useLocale();
  return (
    <>
      <PageHeader title={t('notFound.title')}>{t('notFound.text')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <Link className="ecl-link ecl-link--standalone" to="/">
          {t('notFound.back')}
        </Link>
      </div>
    </>
  );
}
