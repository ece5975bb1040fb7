import { EvaluationTasks, OpeningTasks } from './EvaluationTasks.js';
import { useHome } from './home-types.js';

/** On the officer's desk: the openings they sit on and the tenders or calls they evaluate. */
export function OfficerTasks() {
  const home = useHome().data;
  if (!home) return null;
  return (
    <>
      <OpeningTasks openings={home.openings ?? []} />
      {home.evaluations ? <EvaluationTasks work={home.evaluations} /> : null}
    </>
  );
}
