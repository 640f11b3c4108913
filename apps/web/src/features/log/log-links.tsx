import { formatTimecode, parseTimecode } from '@elevate/timecode';
import { type KeyboardEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { SelectField, TextField } from '../../components/form-field';
import { useTimeline } from '../review/review.queries';
import type { LinkableField, LogLink } from './log.queries';
import { linkPath, linkText } from './log-format';

/** The links of one entry, each opening the lesson where it points. */
export function LinkList(props: {
  lessonId: string;
  links: readonly LogLink[];
  onRemove?: ((id: string) => void) | undefined;
}) {
  if (props.links.length === 0) return null;
  return (
    <ul className="log-links">
      {props.links.map((link) => (
        <li key={link.id} className="log-links__item">
          <Link to={linkPath(props.lessonId, link)}>{linkText(link)}</Link>
          {props.onRemove && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => props.onRemove?.(link.id)}
              aria-label={`Remove link ${linkText(link)}`}
            >
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

type Kind = 'clip1' | 'clip2' | 'moment' | 'annotation';

/** Adds a link from an entry to a clip, a moment (m:ss) or a shared annotation of the lesson. */
export function AddLinkForm(props: {
  lessonId: string;
  field: LinkableField;
  onAdd: (link: LogLink) => void;
}) {
  const [kind, setKind] = useState<Kind>('clip1');
  const [at, setAt] = useState('');
  const [annotationId, setAnnotationId] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string>();
  const timeline = useTimeline(props.lessonId);
  const shared = (timeline.data?.annotations ?? []).filter((a) => a.visibility === 'public');
  const id = useId();

  const add = () => {
    const base = { id: crypto.randomUUID(), field: props.field, label: label.trim() };
    if (kind === 'clip1' || kind === 'clip2') {
      props.onAdd({ ...base, kind: 'clip', position: kind === 'clip1' ? 1 : 2 });
    } else if (kind === 'moment') {
      const ms = parseTimecode(at.trim());
      if (ms === undefined) return setError('Enter a time such as 4:05.');
      props.onAdd({ ...base, kind: 'moment', atMs: ms });
    } else {
      const annotation = shared.find((a) => a.id === annotationId);
      if (!annotation) return setError('Choose an annotation.');
      props.onAdd({ ...base, kind: 'annotation', annotationId, atMs: annotation.startMs });
    }
    setError(undefined);
    setAt('');
    setLabel('');
  };

  return (
    <details className="log-add-link">
      <summary>Link to the lesson</summary>
      {/* Inside the log's form, so not a form itself: Enter here adds the link instead of
          saving the whole log. */}
      <fieldset
        className="log-add-link__form"
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
            event.preventDefault();
            add();
          }
        }}
      >
        <legend className="visually-hidden">Add a link</legend>
        <SelectField
          label="Link to"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          id={`${id}-kind`}
        >
          <option value="clip1">Clip 1</option>
          <option value="clip2">Clip 2</option>
          <option value="moment">A moment of the video</option>
          <option value="annotation" disabled={shared.length === 0}>
            A shared annotation
          </option>
        </SelectField>
        {kind === 'moment' && (
          <TextField
            label="Time (m:ss)"
            value={at}
            onChange={(e) => setAt(e.target.value)}
            error={error}
            inputMode="numeric"
          />
        )}
        {kind === 'annotation' && (
          <SelectField
            label="Annotation"
            value={annotationId}
            onChange={(e) => setAnnotationId(e.target.value)}
            error={error}
          >
            <option value="">Choose…</option>
            {shared.map((a) => (
              <option key={a.id} value={a.id}>
                {formatTimecode(a.startMs)} {a.body.slice(0, 60)}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label="Label (optional)"
          value={label}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="button" className="button button--secondary button--small" onClick={add}>
          Add link
        </button>
      </fieldset>
    </details>
  );
}
