import { MQI_RUBRIC } from '@elevate/rubric';
import type { Annotation } from '../review.types';
import { type AnnotationFilter, filterOptions, isFiltering, NO_FILTER } from './annotation-filters';

/** Search and the four filters: code, domain, author and (for whoever has private notes) visibility. */
export function AnnotationFilterBar(props: {
  annotations: readonly Annotation[];
  filter: AnnotationFilter;
  onChange: (filter: AnnotationFilter) => void;
}) {
  const { filter } = props;
  const options = filterOptions(props.annotations);
  const hasPrivate = props.annotations.some((a) => a.visibility === 'private');
  const set = (patch: Partial<AnnotationFilter>) => props.onChange({ ...filter, ...patch });
  return (
    <div className="note-filters">
      <input
        type="search"
        className="input note-filters__search"
        aria-label="Search annotations"
        placeholder="Search notes, replies, codes"
        value={filter.text}
        onChange={(event) => set({ text: event.target.value })}
      />
      <div className="note-filters__row">
        <label className="note-filters__field">
          <span>Code</span>
          <select
            className="input select"
            value={filter.codeId}
            onChange={(e) => set({ codeId: e.target.value })}
          >
            <option value="">Any code</option>
            {options.codeIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label className="note-filters__field">
          <span>Domain</span>
          <select
            className="input select"
            value={filter.domainId}
            onChange={(e) => set({ domainId: e.target.value })}
          >
            <option value="">Any domain</option>
            {MQI_RUBRIC.domains.map((domain) => (
              <option key={domain.id} value={domain.id}>
                {domain.name}
              </option>
            ))}
          </select>
        </label>
        {options.authors.length > 1 && (
          <label className="note-filters__field">
            <span>Author</span>
            <select
              className="input select"
              value={filter.authorId}
              onChange={(e) => set({ authorId: e.target.value })}
            >
              <option value="">Anyone</option>
              {options.authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {hasPrivate && (
          <label className="note-filters__field">
            <span>Visibility</span>
            <select
              className="input select"
              value={filter.visibility}
              onChange={(e) =>
                set({ visibility: e.target.value as AnnotationFilter['visibility'] })
              }
            >
              <option value="all">Public and private</option>
              <option value="public">Public only</option>
              <option value="private">Private only</option>
            </select>
          </label>
        )}
        {isFiltering(filter) && (
          <button
            type="button"
            className="link-button note-filters__clear"
            onClick={() => props.onChange(NO_FILTER)}
          >
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
