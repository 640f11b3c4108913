import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/alert';
import type { MediaController } from '../player/media-controller';
import { useDeleteReply, useSaveReply } from '../review.mutations';
import type { Annotation, Reply } from '../review.types';
import { usePauseWhileTyping } from '../review-settings';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The conversation under a public note: the teacher's and the coach's replies. */
export function AnnotationReplies(props: {
  lessonId: string;
  annotation: Annotation;
  viewerId: string;
  canReply: boolean;
  controller: MediaController | null;
}) {
  const { annotation } = props;
  const [isWriting, setWriting] = useState(false);
  return (
    <div className="replies">
      {annotation.replies.length > 0 && (
        <ul className="replies__list" aria-label={`Replies (${annotation.replies.length})`}>
          {annotation.replies.map((reply) => (
            <ReplyItem
              key={reply.id}
              {...props}
              reply={reply}
              isOwn={reply.authorId === props.viewerId}
            />
          ))}
        </ul>
      )}
      {props.canReply &&
        (isWriting ? (
          <ReplyForm {...props} onClose={() => setWriting(false)} />
        ) : (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setWriting(true)}
          >
            Reply
          </button>
        ))}
    </div>
  );
}

function ReplyItem(props: {
  lessonId: string;
  annotation: Annotation;
  reply: Reply;
  isOwn: boolean;
  controller: MediaController | null;
}) {
  const { reply } = props;
  const [isEditing, setEditing] = useState(false);
  const remove = useDeleteReply(props.lessonId);
  if (isEditing) {
    return (
      <li className="reply">
        <ReplyForm {...props} reply={reply} onClose={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="reply">
      <p className="reply__meta small muted">
        <strong>{reply.authorName}</strong> ·{' '}
        <time dateTime={reply.createdAt}>{dateTime.format(new Date(reply.createdAt))}</time>
      </p>
      <p className="reply__body">{reply.body}</p>
      {props.isOwn && (
        <div className="note__actions">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> your reply</span>
          </button>
          <button
            type="button"
            className="link-button link-button--danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(reply.id)}
          >
            Delete<span className="visually-hidden"> your reply</span>
          </button>
        </div>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
    </li>
  );
}

function ReplyForm(props: {
  lessonId: string;
  annotation: Annotation;
  reply?: Reply;
  controller: MediaController | null;
  onClose: () => void;
}) {
  const [body, setBody] = useState(props.reply?.body ?? '');
  const save = useSaveReply(props.lessonId);
  const pause = usePauseWhileTyping(props.controller);
  const close = () => {
    pause.onDone();
    props.onClose();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    const target = props.reply
      ? { replyId: props.reply.id, body: body.trim() }
      : { annotationId: props.annotation.id, body: body.trim() };
    save.mutate(target, { onSuccess: close });
  };
  const label = props.reply ? 'Edit your reply' : 'Your reply';
  return (
    <form className="reply-form" onSubmit={onSubmit} onInput={pause.onTyping} aria-label={label}>
      <label
        className="visually-hidden"
        htmlFor={`reply-${props.reply?.id ?? props.annotation.id}`}
      >
        {label}
      </label>
      <textarea
        id={`reply-${props.reply?.id ?? props.annotation.id}`}
        className="input textarea"
        rows={2}
        maxLength={5000}
        placeholder="Write a reply"
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      {save.isError && <ErrorAlert error={save.error} />}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--small"
          disabled={save.isPending || !body.trim()}
        >
          {save.isPending ? 'Sending…' : props.reply ? 'Save reply' : 'Send reply'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
