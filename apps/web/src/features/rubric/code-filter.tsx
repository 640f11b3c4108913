import { useId } from 'react';

type Props = {
  value: string;
  onChange: (value: string) => void;
  shown: number;
  total: number;
};

/** The text filter over code ids and names, with a live count for screen-reader users. */
export function CodeFilter({ value, onChange, shown, total }: Props) {
  const inputId = useId();
  const isFiltering = value.trim() !== '';
  return (
    <search className="code-filter">
      <label className="code-filter__label" htmlFor={inputId}>
        Filter codes
      </label>
      <div className="code-filter__row">
        <input
          id={inputId}
          className="code-filter__input"
          type="search"
          value={value}
          placeholder="Code id or name, e.g. STEXPL or explanations"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
        {isFiltering && (
          <button type="button" className="button button--secondary" onClick={() => onChange('')}>
            Clear
          </button>
        )}
      </div>
      <p className="code-filter__count" role="status">
        {isFiltering ? `Showing ${shown} of ${total} codes` : `${total} codes`}
      </p>
    </search>
  );
}
