// The global styles load first so that feature styles, bundled after them, win ties.
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { App, createQueryClient } from './app';
import { startReviewEarly } from './features/review/review.early';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

const queryClient = createQueryClient();
startReviewEarly(window.location.pathname, queryClient, api);

createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} apiClient={api} />
  </StrictMode>,
);
