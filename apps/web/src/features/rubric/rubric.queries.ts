import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context';
import { unwrapJson } from '../../api/api-error';

/** Query keys in one place, so later mutations (loading a rubric file) can invalidate them. */
export const rubricKeys = {
  all: ['rubrics'] as const,
  list: () => [...rubricKeys.all, 'list'] as const,
  detail: (id: string) => [...rubricKeys.all, 'detail', id] as const,
};

/** The rubrics available to the program, as summaries. */
export function useRubricList() {
  const client = useApiClient();
  return useQuery({
    queryKey: rubricKeys.list(),
    queryFn: async () => (await unwrapJson(client.rubrics.$get())).items,
  });
}

/** One rubric's full document: scales, domains, codes, attribution. */
export function useRubric(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: rubricKeys.detail(id),
    queryFn: () => unwrapJson(client.rubrics[':id'].$get({ param: { id } })),
    // Rubrics change only when a program loads a new file: no need to refetch while browsing.
    staleTime: 5 * 60_000,
  });
}
