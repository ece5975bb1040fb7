import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.js';
import type { Question } from '../../api/types.js';
import { ProblemNotice } from '../../components/feedback.js';
import { TextArea, TextField } from '../../components/forms.js';
import { Instant, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';
import { instantOf, zone } from './draft-parts.js';

function AnswerForm({ tenderId, question, n }: { tenderId: string; question: Question; n: number }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const [text, setText] = useState('');
  // An answer too close to the deadline moves it (art. 53(2)): the field appears once the API asks.
  const [deadline, setDeadline] = useState('');
  const answer = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/questions/{qid}/answer', {
          params: { path: { id: tenderId, qid: question.id } },
          body: { text: text.trim(), ...(deadline ? { submissionDeadline: instantOf(deadline) } : {}) },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tender', tenderId] }),
  });
  const tooLate =
    answer.error instanceof ProblemError && answer.error.type === 'urn:problem:answer-too-late'
      ? answer.error
      : undefined;
  return (
    <form
      className="tool-row"
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate();
      }}
    >
      <p className="ecl-u-type-paragraph ecl-u-type-bold ecl-u-mb-xs">{question.text}</p>
      <p className="ecl-u-type-paragraph-s">
        {t('answers.asked')} <Instant iso={question.askedAt} />
      </p>
      {answer.error instanceof ProblemError ? <ProblemNotice problem={answer.error} /> : null}
      <TextArea
        id={`answer-${question.id}`}
        label={t('answers.answer', { n })}
        rows={3}
        value={text}
        onChange={setText}
        error={answer.error instanceof ProblemError ? answer.error.fieldMessage('/text') : undefined}
      />
      {tooLate || deadline ? (
        <TextField
          id={`answer-${question.id}-deadline`}
          type="datetime-local"
          label={t('changes.answerDeadline')}
          help={t('changes.deadlineHint', { zone: zone() })}
          value={deadline}
          onChange={setDeadline}
          error={tooLate?.fieldMessage('/submissionDeadline')}
        />
      ) : null}
      <button
        type="submit"
        className="ecl-button ecl-button--secondary"
        disabled={answer.isPending || !text.trim()}
      >
        {t('answers.publish', { n })}
      </button>
    </form>
  );
}

/**
 * The clarification questions waiting for an answer. An answer is published on the tender's page
 * for every vendor, without the asker's name, and the vendors are told.
 */
export function AnswerQuestions({ tenderId, questions }: { tenderId: string; questions: Question[] }) {
  const { t } = useLocale();
  const open = questions.filter((q) => !q.answer);
  return (
    <Section id="answers" title={t('answers.title', { count: open.length })}>
      {open.length ? (
        open.map((q, i) => <AnswerForm key={q.id} tenderId={tenderId} question={q} n={i + 1} />)
      ) : (
        <p className="ecl-u-type-paragraph">{t('answers.none')}</p>
      )}
    </Section>
  );
}
