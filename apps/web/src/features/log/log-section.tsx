import { type FormEvent, useEffect, useId, useState } from 'react';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/form-field';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { TextAreaField } from '../../components/textarea-field';
import { formatDateTime } from '../../lib/format-time';
import { fromZonedInput, toZonedInput } from '../../lib/zoned-time';
import type { Cycle } from '../cycles/cycle.queries';
import { useViewer } from '../session/session.queries';
import { CodeCheckboxes } from './code-checkboxes';
import { ConflictResolver } from './conflict-resolver';
import { GoalChoices } from './goal-choices';
import {
  type LogConflictBody,
  type LogFields,
  type LogView,
  useGoals,
  useLog,
  useLogCompletion,
  useSaveLog,
} from './log.queries';
import { LogExports } from './log-exports';
import { FIELD_LABELS, TEXT_FIELDS } from './log-format';
import { AddLinkForm, LinkList } from './log-links';
import { LogVersions } from './log-versions';
import './log.css';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const HINTS: Partial<Record<keyof LogFields, string>> = {
  teacherNextStep: 'Commit to one action step and get specific.',
  summary: 'What you talked about, and the list of elevation ideas.',
};

/** The cycle's collaborative log: teacher and coach write it together; no edit is lost. */
export function LogSection({ cycle }: { cycle: Cycle }) {
  const log = useLog(cycle.id);
  const headingId = useId();
  return (
    <section className="log-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Collaborative log</h2>
      {log.isPending ? (
        <LoadingState label="Loading the log…" />
      ) : log.isError ? (
        <ErrorState error={log.error} level={3} onRetry={() => void log.refetch()} />
      ) : (
        <LogEditor cycle={cycle} server={log.data} />
      )}
    </section>
  );
}

function LogEditor({ cycle, server }: { cycle: Cycle; server: LogView }) {
  const { user } = useViewer();
  const timeZone = user.timeZone;
  const goals = useGoals(cycle.teacherId);
  const save = useSaveLog(cycle.id);
  const completion = useLogCompletion(cycle.id);
  // `base` is the version the draft was edited from: a save names it, so the API can merge.
  const [base, setBase] = useState(server);
  const [draft, setDraft] = useState(server.fields);
  const [conflict, setConflict] = useState<LogConflictBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isDirty = !same(draft, base.fields);
  const isComplete = server.completedAt !== null;
  const canEdit = user.role !== 'admin' && !isComplete;

  // Another person's save (seen on a refresh) replaces the form only while nothing here is
  // unsaved; otherwise it waits, and the next save merges with it.
  useEffect(() => {
    if (server.version === base.version && server.completedAt === base.completedAt) return;
    if (!isDirty && !conflict) {
      setBase(server);
      setDraft(server.fields);
    }
  }, [server, base, isDirty, conflict]);

  const set = <K extends keyof LogFields>(field: K, value: LogFields[K]) =>
    setDraft((prev) => ({ ...prev, [field]: value }));

  const send = (baseVersion: number, fields: LogFields) =>
    save.mutate(
      { baseVersion, fields },
      {
        onSuccess: (outcome) => {
          if (outcome.kind === 'conflict') {
            setConflict(outcome.body);
            setNotice(null);
            return;
          }
          setConflict(null);
          setBase(outcome.log);
          setDraft(outcome.log.fields);
          const merged = outcome.mergedFields.map((f) => FIELD_LABELS[f as keyof LogFields]);
          setNotice(
            merged.length
              ? `Saved as version ${outcome.log.version}, with changes saved meanwhile merged in: ${merged.join(', ')}.`
              : `Saved as version ${outcome.log.version}.`,
          );
        },
      },
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(base.version, draft);
  };

  const lessonId = cycle.lessonId;
  const activeGoals = (goals.data ?? []).filter(
    (g) => g.archivedAt === null || draft.goalIds.includes(g.id),
  );

  return (
    <div className="log-editor">
      <p className="log-editor__status" aria-live="polite">
        Coaching conversation #{server.number}.{' '}
        {server.version === 0
          ? 'Not saved yet: it starts from the cycle.'
          : `Version ${server.version}, saved by ${server.updatedBy?.name ?? 'someone'}${
              server.updatedAt ? ` ${formatDateTime(server.updatedAt, timeZone)}` : ''
            }.`}
        {isDirty &&
          server.version > base.version &&
          ' A newer version was saved; yours will be merged with it.'}
      </p>
      {notice && <Alert tone="success" title={notice} />}
      {save.isError && <ErrorAlert error={save.error} />}
      {conflict ? (
        <ConflictResolver
          conflict={conflict}
          timeZone={timeZone}
          goals={goals.data ?? []}
          isSaving={save.isPending}
          onResolve={(fields) => {
            setBase(conflict.current);
            setDraft(fields);
            send(conflict.current.version, fields);
          }}
        />
      ) : (
        <form className="log-form" onSubmit={submit} aria-label="Collaborative log">
          <fieldset className="log-form__body" disabled={!canEdit}>
            <legend className="visually-hidden">Log fields</legend>
            <div className="log-form__row">
              <TextField
                label={FIELD_LABELS.lessonDate}
                type="date"
                value={draft.lessonDate ?? ''}
                onChange={(e) => set('lessonDate', e.target.value || null)}
              />
              <TextField
                label={FIELD_LABELS.conversationDate}
                type="date"
                value={draft.conversationDate ?? ''}
                onChange={(e) => set('conversationDate', e.target.value || null)}
              />
            </div>
            <CodeCheckboxes
              legend={FIELD_LABELS.focusCodeIds}
              value={draft.focusCodeIds}
              onChange={(ids) => set('focusCodeIds', ids)}
            />
            <GoalChoices
              goals={activeGoals}
              value={draft.goalIds}
              onChange={(ids) => set('goalIds', ids)}
            />
            {TEXT_FIELDS.map((field) => (
              <div key={field} className="log-form__entry">
                <TextAreaField
                  label={FIELD_LABELS[field]}
                  hint={HINTS[field]}
                  rows={field === 'teacherNextStep' ? 2 : 5}
                  maxLength={field === 'teacherNextStep' ? 2000 : 20000}
                  value={draft[field]}
                  onChange={(e) => set(field, e.target.value)}
                />
                {lessonId && (
                  <>
                    <LinkList
                      lessonId={lessonId}
                      links={draft.links.filter((l) => l.field === field)}
                      onRemove={
                        canEdit
                          ? (id) =>
                              set(
                                'links',
                                draft.links.filter((l) => l.id !== id),
                              )
                          : undefined
                      }
                    />
                    {canEdit && (
                      <AddLinkForm
                        lessonId={lessonId}
                        field={field}
                        onAdd={(link) => set('links', [...draft.links, link])}
                      />
                    )}
                  </>
                )}
              </div>
            ))}
            <div className="log-form__row">
              <TextField
                label={FIELD_LABELS.nextVideoDueOn}
                type="date"
                value={draft.nextVideoDueOn ?? ''}
                onChange={(e) => set('nextVideoDueOn', e.target.value || null)}
              />
              <TextField
                label={`${FIELD_LABELS.nextMeetingAt} (${timeZone})`}
                type="datetime-local"
                value={toZonedInput(draft.nextMeetingAt, timeZone)}
                onChange={(e) => set('nextMeetingAt', fromZonedInput(e.target.value, timeZone))}
              />
            </div>
          </fieldset>
          {canEdit && (
            <div className="log-form__actions">
              <button type="submit" className="button" disabled={save.isPending || !isDirty}>
                {save.isPending ? 'Saving…' : 'Save log'}
              </button>
              {isDirty && <span className="muted">You have unsaved changes.</span>}
            </div>
          )}
        </form>
      )}
      <div className="log-editor__completion">
        {isComplete ? (
          <>
            <p>
              Log completed {formatDateTime(server.completedAt as string, timeZone)}. It is read
              only until reopened.
            </p>
            {user.role !== 'admin' && (
              <button
                type="button"
                className="button button--secondary"
                disabled={completion.isPending}
                onClick={() => completion.mutate('reopen')}
              >
                Reopen the log
              </button>
            )}
          </>
        ) : (
          canEdit && (
            <>
              <button
                type="button"
                className="button button--secondary"
                disabled={completion.isPending || isDirty || conflict !== null}
                onClick={() => completion.mutate('complete')}
              >
                Mark the log complete
              </button>
              {isDirty && <span className="muted">Save your changes before completing.</span>}
            </>
          )
        )}
        {completion.isError && <ErrorAlert error={completion.error} />}
      </div>
      <LogExports cycleId={cycle.id} hasMeeting={server.fields.nextMeetingAt !== null} />
      <LogVersions
        cycleId={cycle.id}
        number={server.number}
        lessonId={lessonId}
        currentVersion={server.version}
        goals={goals.data ?? []}
        timeZone={timeZone}
      />
    </div>
  );
}
