import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context';
import { unwrapJson } from '../../api/api-error';

export const caseloadKeys = { all: ['caseloads'] as const };

/**
 * Caseload assignments: for an admin, the program's, past ones included; for a coach,
 * their current teachers only.
 */
export function useCaseloads() {
  const client = useApiClient();
  return useQuery({
    queryKey: caseloadKeys.all,
    queryFn: async () => (await unwrapJson(client.caseloads.$get())).items,
    // An admin assigns teachers from another session: refresh whenever a page shows it.
    staleTime: 0,
  });
}
