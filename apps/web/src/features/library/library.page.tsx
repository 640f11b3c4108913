import { Link, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../components/form-field';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { useViewer } from '../session/session.queries';
import { type StockClip, useStockClips } from './library.queries';
import { codeName, domainOf, RUBRIC } from './rubric-labels';
import './library.css';

const VIDEO_TEXT: Record<string, string> = {
  awaiting_upload: 'Video not uploaded yet',
  uploading: 'Video uploading',
  processing: 'Video being prepared',
  failed: 'Video could not be used',
};

/** `/library`: the program's stock clips, searched by words and filtered by grade and code. */
export default function LibraryPage() {
  const { user } = useViewer();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? '',
    grade: params.get('grade') ?? '',
    code: params.get('code') ?? '',
  };
  const clips = useStockClips(filter);
  const all = useStockClips();
  const grades = [...new Set((all.data ?? []).map((c) => c.grade))].sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
  const isFiltered = Boolean(filter.q || filter.grade || filter.code);
  const setFilter = (key: 'q' | 'grade' | 'code', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <title>Stock clips · Elevate</title>
      <header className="page-header library-header">
        <div>
          <h1>Stock clips</h1>
          <p className="page-header__lead">
            Short clips of other teachers’ lessons, scored by master coders. Coaches choose one for
            each cycle; teachers score it and compare their reading with the masters’.
          </p>
        </div>
        {user.role === 'admin' && (
          <Link className="button" to="/library/new">
            Add a stock clip
          </Link>
        )}
      </header>
      <search className="library-filters" aria-label="Search the library">
        <TextField
          label="Search"
          type="search"
          placeholder="Pseudonym, title, topic…"
          value={filter.q}
          onChange={(event) => setFilter('q', event.target.value)}
        />
        <SelectField
          label="Grade"
          value={filter.grade}
          onChange={(event) => setFilter('grade', event.target.value)}
        >
          <option value="">Any grade</option>
          {grades.map((g) => (
            <option key={g} value={g}>
              Grade {g}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Rubric code"
          value={filter.code}
          onChange={(event) => setFilter('code', event.target.value)}
        >
          <option value="">Any code</option>
          {RUBRIC.codes.map((code) => (
            <option key={code.id} value={code.id}>
              {code.id} · {code.name}
            </option>
          ))}
        </SelectField>
      </search>
      {clips.isPending ? (
        <LoadingState label="Loading the library…" />
      ) : !clips.data ? (
        <ErrorState error={clips.error} onRetry={() => void clips.refetch()} />
      ) : clips.data.length === 0 ? (
        isFiltered ? (
          <EmptyState title="No clip matches">
            <p className="status__text">Try other words, or clear the filters.</p>
            <div className="status__actions">
              <button
                type="button"
                className="button"
                onClick={() => setParams({}, { replace: true })}
              >
                Clear the filters
              </button>
            </div>
          </EmptyState>
        ) : (
          <EmptyState title="The library is empty">
            <p className="status__text">
              {user.role === 'admin'
                ? 'Add a stock clip: its video, the codes it shows and the master scores.'
                : 'Your program’s admins add stock clips; they appear here.'}
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <p className="small muted" role="status">
            {clips.data.length} {clips.data.length === 1 ? 'clip' : 'clips'}
          </p>
          <ul className="library-list">
            {clips.data.map((clip) => (
              <StockCard key={clip.id} clip={clip} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function StockCard({ clip }: { clip: StockClip }) {
  const videoText = clip.video ? VIDEO_TEXT[clip.video.state] : 'No video yet';
  return (
    <li className="card library-card">
      <h2 className="library-card__title">
        <Link to={`/library/${clip.id}`}>{clip.title}</Link>
      </h2>
      <p className="library-card__meta">
        {clip.pseudonym} · Grade {clip.grade} · {clip.topic}
      </p>
      {clip.description && <p className="library-card__text">{clip.description}</p>}
      <ul className="library-card__codes" aria-label="Codes">
        {clip.codeIds.map((id) => (
          <li key={id} className="library-chip" data-domain={domainOf(id)} title={codeName(id)}>
            {id}
          </li>
        ))}
      </ul>
      {videoText && <p className="small muted">{videoText}</p>}
    </li>
  );
}
