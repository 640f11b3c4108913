import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiClientProvider } from './api/api-context';
import { ApiError } from './api/api-error';
import type { ApiClient } from './api/client';
import { AppRoutes } from './routes';

const MAX_RETRIES = 2;

/**
 * The app's query defaults. A 4xx will not change by asking again (a missing rubric stays
 * missing), so only network failures and 5xx are retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.isClientError) && failureCount < MAX_RETRIES,
      },
    },
  });
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
