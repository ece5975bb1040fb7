import '@ecl/preset-ec/dist/styles/optional/ecl-reset.css';
import '@ecl/preset-ec/dist/styles/ecl-ec.css';
import '@ecl/preset-ec/dist/styles/optional/ecl-ec-utilities.css';
import './console.css';
import './officers.css';
import './espd.css';
import './header.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.js';
import { languageReady } from './i18n.js';
import { ProblemError } from './lib/problems.js';
import { SessionProvider } from './session.js';

// A refusal (4xx) is an answer, not a failure to retry; a lost connection is retried.
const queries = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) =>
        !(err instanceof ProblemError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

document.documentElement.classList.replace('no-js', 'has-js');
// The page is drawn in the reader's language from the first paint: a Dutch reader's words arrive first.
void languageReady.then(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <QueryClientProvider client={queries}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
