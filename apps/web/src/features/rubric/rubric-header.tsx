import type { Rubric } from '@elevate/rubric';

/**
 * Name, version and size of the rubric, and its attribution with the licence link: the
 * licence (CC BY-NC-ND for MQI) requires the credit wherever the names are shown.
 */
export function RubricHeader({ rubric }: { rubric: Rubric }) {
  const { attribution } = rubric;
  return (
    <header className="rubric-header">
      <h1 className="rubric-header__title">{rubric.name}</h1>
      <p className="rubric-header__meta">
        <span className="tag tag--accent">Version {rubric.version}</span>
        <span>
          {rubric.domains.length} domains · {rubric.codes.length} codes · {rubric.scales.length}{' '}
          scales
        </span>
      </p>
      {rubric.description && <p className="rubric-header__description">{rubric.description}</p>}
      <p className="rubric-header__attribution">
        <span>{attribution.text}.</span>{' '}
        <span>
          Licence: <a href={attribution.licenceUrl}>{attribution.licence}</a>
          {attribution.sourceUrl && (
            <>
              {' · '}
              <a href={attribution.sourceUrl}>About the rubric</a>
            </>
          )}
        </span>
      </p>
    </header>
  );
}
