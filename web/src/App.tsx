import { Component, type ReactNode, useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { Layout } from './components/Layout.js';
import { useLocale } from './i18n.js';
import { AdminPage } from './pages/admin/AdminPage.js';
import { Board } from './pages/Board.js';
import { CallPage } from './pages/CallPage.js';
import { Consortia } from './pages/consortia/Consortia.js';
import { ConsortiumPage } from './pages/consortia/ConsortiumPage.js';
import { ExpressionPage } from './pages/consortia/ExpressionPage.js';
import { ResolutionPage } from './pages/consortia/ResolutionPage.js';
import { NotFound } from './pages/NotFound.js';
import { NoticePage } from './pages/NoticePage.js';
import { Notices } from './pages/Notices.js';
import { CallDraft } from './pages/officers/CallDraft.js';
import { Desk } from './pages/officers/Desk.js';
import { EvaluationPage } from './pages/officers/EvaluationPage.js';
import { OpeningPage } from './pages/officers/OpeningPage.js';
import { ScoringPage } from './pages/officers/ScoringPage.js';
import { TenderDraft } from './pages/officers/TenderDraft.js';
import { SignIn } from './pages/SignIn.js';
import { Subscriptions } from './pages/Subscriptions.js';
import { TenderPage } from './pages/TenderPage.js';

/** A page that throws shows what happened instead of a blank screen. */
class Fallback extends Component<{ children: ReactNode; message: string }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="ecl-container ecl-u-mt-l" role="alert">
        <p className="ecl-u-type-paragraph">{this.props.message}</p>
        <pre>{this.state.error.message}</pre>
      </div>
    );
  }
}

/** Every state has its address: the board's filters, a tender, a call. */
export function App() {
  const { t } = useLocale();
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: on every change of page, focus goes to its content
  useEffect(() => {
    document.title = t('site.name');
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname, t]);
  return (
    <Layout>
      <Fallback key={pathname} message={t('problem.title')}>
        <Routes>
          <Route path="/" element={<Board />} />
          <Route path="/desk" element={<Desk />} />
          <Route path="/admin" element={<AdminPage />} />
          <Route path="/tenders/new" element={<TenderDraft />} />
          <Route path="/tenders/:id" element={<TenderPage />} />
          <Route path="/tenders/:id/opening" element={<OpeningPage />} />
          <Route path="/tenders/:id/evaluation" element={<EvaluationPage />} />
          <Route path="/tenders/:id/scoring" element={<ScoringPage />} />
          <Route path="/calls/new" element={<CallDraft />} />
          <Route path="/calls/:id" element={<CallPage />} />
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/account/subscriptions" element={<Subscriptions />} />
          <Route path="/consortia" element={<Consortia />} />
          <Route path="/consortia/:id" element={<ConsortiumPage />} />
          <Route path="/consortia/:id/resolutions/:rid" element={<ResolutionPage />} />
          <Route path="/expressions/new" element={<ExpressionPage />} />
          <Route path="/expressions/:id" element={<ExpressionPage />} />
          <Route path="/notices" element={<Notices />} />
          <Route path="/notices/:id" element={<NoticePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Fallback>
    </Layout>
  );
}
