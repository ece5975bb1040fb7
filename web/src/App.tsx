import { Component, type ComponentType, lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { Layout } from './components/Layout.js';
import { Loading } from './components/ui.js';
import { useLocale } from './i18n.js';
import { Board } from './pages/Board.js';

/**
 * A page loaded when it is first visited: the board, which most people open (often on a phone),
 * downloads only its own code; each role's screens come in their own chunks.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const TenderPage = page(() => import('./pages/TenderPage.js'), 'TenderPage');
const CallPage = page(() => import('./pages/CallPage.js'), 'CallPage');
const SignIn = page(() => import('./pages/SignIn.js'), 'SignIn');
const NotFound = page(() => import('./pages/NotFound.js'), 'NotFound');
const Notices = page(() => import('./pages/Notices.js'), 'Notices');
const NoticePage = page(() => import('./pages/NoticePage.js'), 'NoticePage');
const Subscriptions = page(() => import('./pages/Subscriptions.js'), 'Subscriptions');
const AccountPage = page(() => import('./pages/account/AccountPage.js'), 'AccountPage');
const SetPassword = page(() => import('./pages/account/SetPassword.js'), 'SetPassword');
const ForgotPassword = page(() => import('./pages/account/ForgotPassword.js'), 'ForgotPassword');
const ConfirmEmail = page(() => import('./pages/account/ConfirmEmail.js'), 'ConfirmEmail');
const AdminPage = page(() => import('./pages/admin/AdminPage.js'), 'AdminPage');
const Consortia = page(() => import('./pages/consortia/Consortia.js'), 'Consortia');
const ConsortiumPage = page(() => import('./pages/consortia/ConsortiumPage.js'), 'ConsortiumPage');
const ExpressionPage = page(() => import('./pages/consortia/ExpressionPage.js'), 'ExpressionPage');
const ResolutionPage = page(() => import('./pages/consortia/ResolutionPage.js'), 'ResolutionPage');
const CallDraft = page(() => import('./pages/officers/CallDraft.js'), 'CallDraft');
const ConfirmOpeningSecret = page(
  () => import('./pages/officers/ConfirmOpeningSecret.js'),
  'ConfirmOpeningSecret',
);
const Home = page(() => import('./pages/home/Home.js'), 'Home');
const Desk = page(() => import('./pages/officers/Desk.js'), 'Desk');
const EvaluationPage = page(() => import('./pages/officers/EvaluationPage.js'), 'EvaluationPage');
const OpeningPage = page(() => import('./pages/officers/OpeningPage.js'), 'OpeningPage');
const ScoringPage = page(() => import('./pages/officers/ScoringPage.js'), 'ScoringPage');
const TenderDraft = page(() => import('./pages/officers/TenderDraft.js'), 'TenderDraft');
const ComplaintPage = page(() => import('./pages/review/ComplaintPage.js'), 'ComplaintPage');
const ReviewQueue = page(() => import('./pages/review/ReviewQueue.js'), 'ReviewQueue');

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
        {/* While a page's code arrives, the layout stays and the page says it is loading. */}
        <Suspense
          fallback={
            <div className="ecl-container ecl-u-mt-l">
              <Loading />
            </div>
          }
        >
          <Routes>
            <Route path="/" element={<Board />} />
            <Route path="/home" element={<Home />} />
            <Route path="/desk" element={<Desk />} />
            <Route path="/admin" element={<AdminPage />} />
            <Route path="/tenders/new" element={<TenderDraft />} />
            <Route path="/tenders/:id" element={<TenderPage />} />
            <Route path="/tenders/:id/opening" element={<OpeningPage />} />
            <Route path="/tenders/:id/opening-secret" element={<ConfirmOpeningSecret />} />
            <Route path="/tenders/:id/evaluation" element={<EvaluationPage />} />
            <Route path="/tenders/:id/scoring" element={<ScoringPage />} />
            <Route path="/calls/new" element={<CallDraft />} />
            <Route path="/calls/:id" element={<CallPage />} />
            <Route path="/sign-in" element={<SignIn />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/account/password" element={<SetPassword />} />
            <Route path="/account/forgot" element={<ForgotPassword />} />
            <Route path="/account/email" element={<ConfirmEmail />} />
            <Route path="/account/subscriptions" element={<Subscriptions />} />
            <Route path="/consortia" element={<Consortia />} />
            <Route path="/consortia/:id" element={<ConsortiumPage />} />
            <Route path="/consortia/:id/resolutions/:rid" element={<ResolutionPage />} />
            <Route path="/expressions/new" element={<ExpressionPage />} />
            <Route path="/expressions/:id" element={<ExpressionPage />} />
            <Route path="/review" element={<ReviewQueue />} />
            <Route path="/complaints/:id" element={<ComplaintPage />} />
            <Route path="/notices" element={<Notices />} />
            <Route path="/notices/:id" element={<NoticePage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Fallback>
    </Layout>
  );
}
