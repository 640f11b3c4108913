import { codeLabel, findCode, MQI_RUBRIC } from '@elevate/rubric';
import { formatTimecode } from '@elevate/timecode';
import { memo, useState } from 'react';
import { ErrorAlert } from '../../../components/alert';
import { ConfirmDialog } from '../../../components/dialog';
import type { MediaController } from '../player/media-controller';
import { useDeleteAnnotation } from '../review.mutations';
import type { Annotation } from '../review.types';
import { domainOf } from './annotation-filters';
import { AnnotationReplies } from './annotation-replies';
import { LockIcon } from './lock-icon';
import './note.css';

type Props = {
  lessonId: string;
  annotation: Annotation;
  viewerId: string;
  canReply: boolean;
  isCurrent: boolean;
  controller: MediaController | null;
  onSeek: (ms: number) => void;
  onEdit: (annotation: Annotation) => void;
};

const GUIDE = [
  ['teacherDoes', 'Teacher does and says'],
  ['studentsDo', 'Students do and say'],
  ['rubricRelation', 'Relationship to the rubric'],
] as const;

const labelOf = (codeId: string) =>
  findCode(MQI_RUBRIC, codeId) ? codeLabel(MQI_RUBRIC, codeId) : codeId;

/**
 * One note in the panel: its time (a button that seeks), author, codes in their domain's
 * colours, body, guiding fields and replies. Private notes are dashed, with a lock and
 * "Private — only you", so they never pass for something the teacher can see.
 */
export const AnnotationItem = memo(function AnnotationItem(props: Props) {
  const { annotation: a } = props;
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteAnnotation(props.lessonId);
  const isPrivate = a.visibility === 'private';
  const isOwn = a.authorId === props.viewerId;
  const when =
    a.endMs === null
      ? formatTimecode(a.startMs)
      : `${formatTimecode(a.startMs)}–${formatTimecode(a.endMs)}`;
  return (
    <article
      className={`note${isPrivate ? ' note--private' : ''}${props.isCurrent ? ' is-current' : ''}`}
      data-domain={domainOf(a.codeIds)}
      aria-current={props.isCurrent ? 'time' : undefined}
      aria-label={`${isPrivate ? 'Private note' : 'Annotation'} at ${when} by ${a.authorName}`}
    >
      <header className="note__header">
        <button
          type="button"
          className="timecode"
          aria-label={`Play from ${formatTimecode(a.startMs)}`}
          onClick={() => props.onSeek(a.startMs)}
        >
          {when}
        </button>
        <span className="note__author small">{a.authorName}</span>
        {isPrivate && (
          <span className="note__private tag">
            <LockIcon /> Private — only you
          </span>
        )}
      </header>
      {a.codeIds.length > 0 && (
        <ul className="note__codes" aria-label="Rubric codes">
          {a.codeIds.map((codeId) => (
            <li
              key={codeId}
              className="code-chip"
              data-domain={domainOf([codeId])}
              title={labelOf(codeId)}
            >
              {codeId}
            </li>
          ))}
        </ul>
      )}
      <p className="note__body">{a.body}</p>
      {GUIDE.some(([field]) => a[field]) && (
        <dl className="note__guide">
          {GUIDE.filter(([field]) => a[field]).map(([field, label]) => (
            <div key={field}>
              <dt>{label}</dt>
              <dd>{a[field]}</dd>
            </div>
          ))}
        </dl>
      )}
      {isOwn && (
        <div className="note__actions">
          <button type="button" className="link-button" onClick={() => props.onEdit(a)}>
            Edit<span className="visually-hidden"> the note at {when}</span>
          </button>
          <button
            type="button"
            className="link-button link-button--danger"
            onClick={() => setConfirming(true)}
          >
            Delete<span className="visually-hidden"> the note at {when}</span>
          </button>
        </div>
      )}
      {!isPrivate && (
        <AnnotationReplies
          lessonId={props.lessonId}
          annotation={a}
          viewerId={props.viewerId}
          canReply={props.canReply}
          controller={props.controller}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete this annotation?"
          confirmLabel="Delete annotation"
          pendingLabel="Deleting…"
          isPending={remove.isPending}
          tone="danger"
          onCancel={() => setConfirming(false)}
          onConfirm={() => remove.mutate(a.id, { onSuccess: () => setConfirming(false) })}
        >
          <p>
            The note at {when}
            {a.replies.length > 0 ? ` and its ${a.replies.length} replies` : ''} will be gone for
            good.
          </p>
          {remove.isError && <ErrorAlert error={remove.error} />}
        </ConfirmDialog>
      )}
    </article>
  );
});
