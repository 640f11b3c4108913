import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { useRubric } from './rubric.queries';
import { RubricBrowser } from './rubric-browser';

const RUBRICS_CRUMB = { label: 'Rubrics', to: '/rubrics' } as const;

/** `/rubrics/:rubricId`: fetches one rubric and hands it to the browser. */
export function RubricBrowserPage() {
  const { rubricId = '' } = useParams();
  const rubric = useRubric(rubricId);

  if (rubric.isPending) {
    return (
      <>
        <title>Loading rubric · Elevate</title>
        <Breadcrumbs items={[RUBRICS_CRUMB, { label: 'Loading…' }]} />
        <LoadingState label="Loading the rubric…" />
      </>
    );
  }
  if (rubric.isError) {
    return (
      <>
        <title>Rubric unavailable · Elevate</title>
        <Breadcrumbs items={[RUBRICS_CRUMB, { label: rubricId }]} />
        <ErrorState error={rubric.error} level={1} onRetry={() => void rubric.refetch()}>
          <Link className="button button--secondary" to="/rubrics">
            See all rubrics
          </Link>
        </ErrorState>
      </>
    );
  }
  return (
    <>
      <title>{`${rubric.data.name} · Elevate`}</title>
      <Breadcrumbs items={[RUBRICS_CRUMB, { label: rubric.data.name }]} />
      <RubricBrowser rubric={rubric.data} />
    </>
  );
}
