// The global styles load first so that feature styles, bundled after them, win ties.
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { App, createQueryClient } from './app';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <App queryClient={createQueryClient()} apiClient={api} />
  </StrictMode>,
);
