import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiClientProvider } from './api/api-context';
import { ApiError } from './api/api-error';
import type { ApiClient } from './api/client';
import { handleSessionLoss } from './features/session/session.queries';
import { AppRoutes } from './routes';

const MAX_RETRIES = 2;

/**
 * The app's query defaults. A 4xx will not change by asking again (a missing rubric stays
 * missing), so only network failures and 5xx are retried. Any request that finds the
 * session gone sends the user back to sign in.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleSessionLoss(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => handleSessionLoss(client, error) }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.isClientError) && failureCount < MAX_RETRIES,
      },
    },
  });
  return client;
}

type ProviderProps = { queryClient: QueryClient; apiClient: ApiClient; children: ReactNode };

/** Everything a page needs around it except the router, so tests can choose their own router. */
export function AppProviders({ queryClient, apiClient, children }: ProviderProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={apiClient}>{children}</ApiClientProvider>
    </QueryClientProvider>
  );
}

/** The whole app in the browser: providers, the browser's history, and the routes. */
export function App({ queryClient, apiClient }: Omit<ProviderProps, 'children'>) {
  return (
    <AppProviders queryClient={queryClient} apiClient={apiClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
