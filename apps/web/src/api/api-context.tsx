import { createContext, type ReactNode, useContext } from 'react';
import { type ApiClient, api } from './client';

// A context rather than a module import, so tests (and future previews) can hand the tree a
// client wired to an in-process API without mocking modules.
const ApiClientContext = createContext<ApiClient>(api);

export function ApiClientProvider({
  client,
  children,
}: {
  client: ApiClient;
  children: ReactNode;
}) {
  return <ApiClientContext value={client}>{children}</ApiClientContext>;
}

/** The API client for this tree: the injected one, or the app's default same-origin client. */
export function useApiClient(): ApiClient {
  return useContext(ApiClientContext);
}
