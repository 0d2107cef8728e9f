import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { initI18n } from './app/i18n/i18n.ts';
import { Providers, queryClient } from './app/providers.tsx';
import { createRouter } from './app/router.tsx';
import { sessionQueryOptions } from './lib/session.ts';
import './styles/app.css';

async function start() {
  // On a slow network every round trip counts: the session and the first page's own file are asked for at
  // once, while the language file loads, instead of one after the other.
  void queryClient.prefetchQuery(sessionQueryOptions);
  const router = createRouter();
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  // The server's HTML already shows the help and the crisis lines in #root; the first render replaces them.
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}

void start();
