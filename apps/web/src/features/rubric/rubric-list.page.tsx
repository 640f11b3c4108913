import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { useRubricList } from './rubric.queries';
import './rubric-list.css';

/** The rubrics a program can score with; each opens in the rubric browser. */
export function RubricListPage() {
  const rubrics = useRubricList();
  return (
    <>
      <title>Rubrics · Elevate</title>
      <header className="page-header">
        <h1>Rubrics</h1>
        <p className="page-header__lead">
          The observation frameworks lessons are coached against. MQI is built in; a program can
          load others as data.
        </p>
      </header>
      {rubrics.isPending ? (
        <LoadingState label="Loading rubrics…" />
      ) : rubrics.isError ? (
        <ErrorState error={rubrics.error} onRetry={() => void rubrics.refetch()} />
      ) : rubrics.data.length === 0 ? (
        <EmptyState title="No rubrics yet">
          <p className="status__text">
            An administrator can load a rubric file; until then there is nothing to browse.
          </p>
        </EmptyState>
      ) : (
        <ul className="rubric-list">
          {rubrics.data.map((rubric) => (
            <li key={rubric.id} className="card rubric-list__item">
              <h2 className="rubric-list__name">
                <Link to={`/rubrics/${encodeURIComponent(rubric.id)}`}>{rubric.name}</Link>
              </h2>
              <p className="rubric-list__meta">
                Version {rubric.version} · {rubric.domainCount} domains · {rubric.codeCount} codes
              </p>
              {rubric.builtIn && <span className="tag tag--accent">Built in</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
