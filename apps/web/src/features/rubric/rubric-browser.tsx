import { groupCodes, type Rubric } from '@elevate/rubric';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/status-panels';
import { CodeFilter } from './code-filter';
import { CodeGroupSection } from './code-group-section';
import { countCodes, filterGroups, scalesOfGroup } from './filter-groups';
import { RubricHeader } from './rubric-header';
import './rubric-browser.css';

/** Browses one rubric: its header, a filter, a jump list, and one section per code group. */
export function RubricBrowser({ rubric }: { rubric: Rubric }) {
  const [searchParams, setSearchParams] = useSearchParams();
  // The input owns the text (router updates run as transitions and would lag the caret);
  // the URL mirrors it so a filtered view can be shared or reloaded.
  const [filter, setFilter] = useState(() => searchParams.get('q') ?? '');

  const groups = useMemo(() => groupCodes(rubric), [rubric]);
  const scalesByGroup = useMemo(
    () => new Map(groups.map((group) => [group.id, scalesOfGroup(rubric, group)])),
    [rubric, groups],
  );
  const focusCodeIds = useMemo(() => new Set(rubric.defaultFocusCodeIds), [rubric]);
  const visible = useMemo(() => filterGroups(rubric, groups, filter), [rubric, groups, filter]);

  const changeFilter = (value: string) => {
    setFilter(value);
    setSearchParams(value.trim() ? { q: value } : {}, { replace: true });
  };

  return (
    <div className="rubric-browser">
      <RubricHeader rubric={rubric} />
      <div className="rubric-toolbar">
        <CodeFilter
          value={filter}
          onChange={changeFilter}
          shown={countCodes(visible)}
          total={rubric.codes.length}
        />
        <nav className="rubric-jump" aria-label="Rubric sections">
          <ul className="rubric-jump__list">
            {visible.map((group) => (
              <li key={group.id} data-domain={group.id}>
                <a className="rubric-jump__link" href={`#group-${group.id}`}>
                  {group.kind === 'domain' ? group.id : group.name}
                  <span className="rubric-jump__count">{group.codes.length}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {visible.length === 0 ? (
        <EmptyState title={`No codes match “${filter.trim()}”`}>
          <p className="status__text">
            Try part of a code id (such as TCD) or a word from its name.
          </p>
          <div className="status__actions">
            <button type="button" className="button" onClick={() => changeFilter('')}>
              Show all codes
            </button>
          </div>
        </EmptyState>
      ) : (
        visible.map((group) => (
          <CodeGroupSection
            key={group.id}
            rubric={rubric}
            group={group}
            scales={scalesByGroup.get(group.id) ?? []}
            focusCodeIds={focusCodeIds}
          />
        ))
      )}
    </div>
  );
}
