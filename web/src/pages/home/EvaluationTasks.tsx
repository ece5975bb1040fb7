import { Link } from 'react-router-dom';
import { Instant, Section, Status, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import type { Declaration, EvaluationWork, OpeningWork } from './home-types.js';

function DeclarationState({ d }: { d: Declaration }) {
  const { t } = useLocale();
  return <>{t(`home.declared.${!d.declared ? 'none' : d.conflict ? 'conflict' : 'clean'}`)}</>;
}

/** The tenders and calls a person evaluates: their declaration, their scoring progress, the way in. */
export function EvaluationTasks({ work }: { work: EvaluationWork }) {
  const { t } = useLocale();
  return (
    <>
      {work.tenders.length ? (
        <Section id="home-tenders" title={t('home.tendersToEvaluate')}>
          <table className="ecl-table ecl-table--zebra">
            <TableHead
              columns={[t('home.tender'), t('home.stage'), t('home.declaration'), t('home.scoring')]}
            />
            <tbody className="ecl-table__body">
              {work.tenders.map((e) => (
                <tr className="ecl-table__row" key={e.tenderId}>
                  <td className="ecl-table__cell">
                    <div>
                      <Link className="ecl-link" to={`/tenders/${e.tenderId}/scoring`}>
                        {e.reference}
                      </Link>
                      <div className="ecl-u-type-paragraph-s">{e.title}</div>
                    </div>
                  </td>
                  <td className="ecl-table__cell">
                    <Status status={e.stage} />
                  </td>
                  <td className="ecl-table__cell">
                    <DeclarationState d={e} />
                  </td>
                  <td className="ecl-table__cell">
                    <Scoring task={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      {work.calls.length ? (
        <Section id="home-calls" title={t('home.callsToEvaluate')}>
          <table className="ecl-table ecl-table--zebra">
            <TableHead columns={[t('board.reference'), t('desk.closes'), t('home.declaration')]} />
            <tbody className="ecl-table__body">
              {work.calls.map((c) => (
                <tr className="ecl-table__row" key={c.callId}>
                  <td className="ecl-table__cell">
                    <div>
                      <Link className="ecl-link" to={`/calls/${c.callId}`}>
                        {c.reference}
                      </Link>
                      <div className="ecl-u-type-paragraph-s">{c.title}</div>
                    </div>
                  </td>
                  <td className="ecl-table__cell">
                    <Instant iso={c.closesAt} />
                  </td>
                  <td className="ecl-table__cell">
                    <DeclarationState d={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
    </>
  );
}

function Scoring({ task }: { task: EvaluationWork['tenders'][number] }) {
  const { t } = useLocale();
  const s = task.scoring;
  if (!task.declared) return <>{t('home.act.declare')}</>;
  if (!s) return <>{task.conflict ? '—' : t('home.scoringNotYet')}</>;
  return (
    <div>
      {s.final
        ? t('home.scoringFinal')
        : s.given >= s.needed
          ? t('home.scoringDone')
          : t('home.scoringProgress', s)}
      <progress
        className="home-progress"
        max={Math.max(s.needed, 1)}
        value={s.given}
        aria-label={t('home.scoring')}
      />
      {s.excluded ? (
        <div className="ecl-u-type-paragraph-s">{t('home.excluded', { count: s.excluded })}</div>
      ) : null}
    </div>
  );
}

/** The openings a committee member prepares or attends, with what is theirs to do. */
export function OpeningTasks({ openings }: { openings: OpeningWork[] }) {
  const { t } = useLocale();
  if (!openings.length) return null;
  const task = (o: OpeningWork) => (!o.secretSet ? 'secret' : o.acted ? 'acted' : o.due ? 'due' : 'waiting');
  return (
    <Section id="home-openings" title={t('home.openings')}>
      <table className="ecl-table ecl-table--zebra">
        <TableHead columns={[t('home.tender'), t('home.openingAt'), t('home.stage')]} />
        <tbody className="ecl-table__body">
          {openings.map((o) => (
            <tr className="ecl-table__row" key={o.tenderId}>
              <td className="ecl-table__cell">
                <div>
                  <Link className="ecl-link" to={`/tenders/${o.tenderId}/opening`}>
                    {o.reference}
                  </Link>
                  <div className="ecl-u-type-paragraph-s">{t(`home.openingTask.${task(o)}`)}</div>
                </div>
              </td>
              <td className="ecl-table__cell">
                <Instant iso={o.openingAt} />
              </td>
              <td className="ecl-table__cell">
                <Status status={o.stage} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
