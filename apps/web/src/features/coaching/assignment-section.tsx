import { useState } from 'react';
import { ErrorAlert } from '../../components/alert';
import { ConfirmDialog } from '../../components/dialog';
import { TextField } from '../../components/form-field';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { TextAreaField } from '../../components/textarea-field';
import type { Cycle } from '../cycles/cycle.queries';
import { useViewer } from '../session/session.queries';
import { type Assignment, useAssignment, useSendAssignment } from './coaching.queries';
import { WatchingTodo } from './watching-todo';
import './coaching.css';

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** The watching assignment: the coach's email, and the teacher's to-do. */
export function AssignmentSection({ cycle }: { cycle: Cycle }) {
  const me = useViewer();
  const assignment = useAssignment(cycle.id);
  const isCoach = me.user.id === cycle.coachId;
  const isTeacher = me.user.id === cycle.teacherId;
  return (
    <section className="card coaching-section" id="assignment" aria-labelledby="assignment-title">
      <h2 id="assignment-title" className="card__title">
        Watching assignment
      </h2>
      {assignment.isPending ? (
        <LoadingState label="Loading the assignment…" />
      ) : assignment.isError ? (
        <ErrorState error={assignment.error} level={3} onRetry={() => void assignment.refetch()} />
      ) : assignment.data === null ? (
        <EmptyState title="Not sent yet" level={3}>
          <p className="status__text">
            {isTeacher
              ? 'Your coach will send you two clips of your lesson and a stock clip to watch before you meet.'
              : 'The coach has not sent the assignment yet.'}
          </p>
        </EmptyState>
      ) : assignment.data.status === 'sent' ? (
        <SentAssignment
          cycle={cycle}
          assignment={assignment.data}
          who={isTeacher ? 'teacher' : 'coach'}
        />
      ) : isCoach ? (
        <DraftEditor
          cycle={cycle}
          draft={assignment.data}
          onReset={async () => (await assignment.refetch()).data ?? null}
        />
      ) : null}
    </section>
  );
}

function SentAssignment({
  cycle,
  assignment,
  who,
}: {
  cycle: Cycle;
  assignment: Assignment;
  who: 'teacher' | 'coach';
}) {
  return (
    <div className="assignment">
      <WatchingTodo cycle={cycle} who={who} />
      <details className="assignment__message" open={who === 'teacher'}>
        <summary>
          {who === 'teacher' ? 'Message from your coach' : `Sent to ${assignment.to}`}
          {assignment.sentAt && <> · {dateTime(assignment.sentAt)}</>}
        </summary>
        <p className="assignment__subject">{assignment.subject}</p>
        {/* Plain text, as mailed: React renders it as text, never as markup. */}
        <div className="assignment__body">{assignment.body}</div>
      </details>
    </div>
  );
}

function DraftEditor({
  cycle,
  draft,
  onReset,
}: {
  cycle: Cycle;
  draft: Assignment;
  /** Renders the template again from the cycle as it is now. */
  onReset: () => Promise<Assignment | null>;
}) {
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const [isConfirming, setConfirming] = useState(false);
  const [isConfirmingReset, setConfirmingReset] = useState(false);
  const isEdited = subject !== draft.subject || body !== draft.body;
  const reset = async () => {
    const fresh = await onReset();
    setSubject(fresh?.subject ?? draft.subject);
    setBody(fresh?.body ?? draft.body);
    setConfirmingReset(false);
  };
  const send = useSendAssignment(cycle.id);
  const isReady = draft.missing.length === 0;
  const problems = {
    subject: subject.trim() ? undefined : 'Write a subject.',
    body: body.trim() ? undefined : 'Write the message.',
  };
  const canSend = isReady && !problems.subject && !problems.body;
  return (
    <form
      className="assignment"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) setConfirming(true);
      }}
    >
      <p className="muted">
        The program's email, filled in from this cycle. Edit it as you like, then send it to{' '}
        <strong>{draft.to}</strong>.
      </p>
      {!isReady && (
        <div className="alert alert--info" role="status">
          <p className="alert__title">Before you can send it, choose:</p>
          <ul>
            {draft.missing.map((m) => (
              <li key={m.need}>{m.label}</li>
            ))}
          </ul>
        </div>
      )}
      <TextField
        label="Subject"
        value={subject}
        maxLength={200}
        error={problems.subject}
        onChange={(e) => setSubject(e.target.value)}
      />
      <TextAreaField
        label="Message"
        value={body}
        rows={16}
        maxLength={20_000}
        error={problems.body}
        onChange={(e) => setBody(e.target.value)}
      />
      {send.isError && <ErrorAlert error={send.error} />}
      <div className="assignment__actions">
        <button type="submit" className="button" disabled={!canSend || send.isPending}>
          Send to {cycle.teacherName}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => (isEdited ? setConfirmingReset(true) : void reset())}
        >
          Start again from the template
        </button>
      </div>
      {isConfirmingReset && (
        <ConfirmDialog
          title="Discard your edits?"
          confirmLabel="Discard and start again"
          cancelLabel="Keep my edits"
          pendingLabel="Loading the template…"
          isPending={false}
          tone="danger"
          onCancel={() => setConfirmingReset(false)}
          onConfirm={() => void reset()}
        >
          <p>
            The message goes back to the program's template, filled in from the cycle as it is now.
          </p>
        </ConfirmDialog>
      )}
      {isConfirming && (
        <ConfirmDialog
          title={`Send the assignment to ${cycle.teacherName}?`}
          confirmLabel="Send"
          pendingLabel="Sending…"
          isPending={send.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            send.mutate(
              { subject, body },
              // On failure the dialog closes and the text stays in the form.
              { onSettled: () => setConfirming(false) },
            )
          }
        >
          <p>It goes to {draft.to} and cannot be unsent. The cycle then shows as assigned.</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
