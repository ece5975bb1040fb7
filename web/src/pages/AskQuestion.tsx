import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../api/client.js';
import { Info, ProblemNotice } from '../components/feedback.js';
import { Field } from '../components/forms.js';
import { useLocale } from '../i18n.js';
import { ProblemError } from '../lib/problems.js';

/** A vendor asks a clarification question; the answer is published for every vendor, without its name. */
export function AskQuestion({ tenderId }: { tenderId: string }) {
  const { t } = useLocale();
  const [question, setQuestion] = useState('');
  const [asked, setAsked] = useState(false);
  const queries = useQueryClient();
  const ask = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/questions', {
          params: { path: { id: tenderId } },
          body: { text: question },
        }),
      ),
    onSuccess: () => {
      setQuestion('');
      setAsked(true);
      // The tender's page lists the vendor's questions still waiting for their answer.
      void queries.invalidateQueries({ queryKey: ['tender', tenderId, 'questions'] });
    },
  });
  return (
    <form
      className="ecl-u-mt-xl"
      aria-labelledby="ask"
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate();
      }}
    >
      <h3 className="ecl-u-type-heading-3" id="ask">
        {t('vendor.ask')}
      </h3>
      {ask.error instanceof ProblemError ? <ProblemNotice problem={ask.error} /> : null}
      {asked ? <Info>{t('vendor.asked')}</Info> : null}
      <Field id="question" label={t('vendor.question')}>
        {(describedBy) => (
          <textarea
            id="question"
            required
            rows={3}
            aria-describedby={describedBy}
            className="ecl-text-area ecl-text-area--l"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
        )}
      </Field>
      <button
        type="submit"
        className="ecl-button ecl-button--secondary"
        disabled={ask.isPending || !question.trim()}
      >
        {t('vendor.sendQuestion')}
      </button>
    </form>
  );
}
