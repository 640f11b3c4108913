import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditEvent } from '../../api/client';
import { SelectField, TextField, useFocusFirstInvalid } from '../../components/form-field';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { formatDateTime } from '../../lib/format-time';
import { useViewer } from '../session/session.queries';
import { type AuditFilter, useAuditTrail, useUsers } from './admin.queries';
import { describeAction, describeDetail } from './audit-format';
import '../../components/table.css';
import './admin.css';
import './audit.css';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** `/admin/audit`: who did what and when, filterable by person and lesson, newest first. */
export default function AuditPage() {
  const { user: viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = {
    ...(params.get('user') ? { userId: params.get('user') as string } : {}),
    ...(params.get('lesson') ? { lessonId: params.get('lesson') as string } : {}),
  };
  const users = useUsers();
  const trail = useAuditTrail(filter);
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.name ?? 'a removed user';
  const events = trail.data?.pages.flat() ?? [];
  const isFiltered = Boolean(filter.userId || filter.lessonId);

  return (
    <div className="admin-page">
      <title>Audit trail · Elevate</title>
      <header className="page-header">
        <h1>Audit trail</h1>
        <p className="page-header__lead">
          Sign-ins, account changes and, as lessons arrive, who opened which lesson's video. Times
          are in your time zone ({viewer.timeZone}).
        </p>
      </header>
      <AuditFilters
        key={`${filter.userId ?? ''}|${filter.lessonId ?? ''}`}
        filter={filter}
        users={users.data ?? []}
        onApply={(next) => {
          const search = new URLSearchParams();
          if (next.userId) search.set('user', next.userId);
          if (next.lessonId) search.set('lesson', next.lessonId);
          setParams(search);
        }}
      />
      {trail.isPending ? (
        <LoadingState label="Loading the audit trail…" />
      ) : trail.isError ? (
        <ErrorState error={trail.error} onRetry={() => void trail.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState title={isFiltered ? 'No events match these filters' : 'Nothing recorded yet'}>
          <p className="status__text">
            {isFiltered
              ? 'Try another person, or clear the lesson id.'
              : 'Sign-ins and changes to accounts will be listed here.'}
          </p>
        </EmptyState>
      ) : (
        <section className="admin-section" aria-label="Events">
          <div className="table-wrap">
            <table className="table audit-table" aria-busy={trail.isFetching}>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <AuditRow
                    key={event.id}
                    event={event}
                    timeZone={viewer.timeZone}
                    nameOf={nameOf}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="audit-more">
            {trail.hasNextPage ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={trail.isFetchingNextPage}
                onClick={() => void trail.fetchNextPage()}
              >
                {trail.isFetchingNextPage ? 'Loading…' : 'Load older events'}
              </button>
            ) : (
              <p className="muted small">
                {events.length} {events.length === 1 ? 'event' : 'events'}: the beginning of the
                trail{isFiltered ? ' for these filters' : ''}.
              </p>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

function AuditRow({
  event,
  timeZone,
  nameOf,
}: {
  event: AuditEvent;
  timeZone: string;
  nameOf: (id: string) => string;
}) {
  const action = describeAction(event);
  const subject =
    action.namesSubject && event.subjectType === 'user' && event.subjectId
      ? nameOf(event.subjectId)
      : null;
  const detail = describeDetail(event, nameOf);
  return (
    <tr>
      <td className="table__nowrap">
        <time dateTime={event.at}>{formatDateTime(event.at, timeZone)}</time>
      </td>
      <td>{event.actorName ?? <span className="muted">Unknown</span>}</td>
      <td>
        <span className="table__primary audit-table__what">
          {action.text}
          {subject && <> {subject}</>}
          {event.lessonId && <> · lesson {event.lessonId}</>}
        </span>
        {detail && <span className="table__secondary">{detail}</span>}
      </td>
      <td className="table__nowrap muted">{event.ipAddress ?? '—'}</td>
    </tr>
  );
}

function AuditFilters({
  filter,
  users,
  onApply,
}: {
  filter: AuditFilter;
  users: readonly { id: string; name: string; email: string }[];
  onApply: (filter: AuditFilter) => void;
}) {
  const [userId, setUserId] = useState(filter.userId ?? '');
  const [lessonId, setLessonId] = useState(filter.lessonId ?? '');
  const [lessonError, setLessonError] = useState<string>();
  const formRef = useFocusFirstInvalid(lessonError);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lesson = lessonId.trim();
    if (lesson && !ID_PATTERN.test(lesson)) {
      setLessonError('A lesson id has only letters, digits, - and _.');
      return;
    }
    setLessonError(undefined);
    onApply({ ...(userId ? { userId } : {}), ...(lesson ? { lessonId: lesson } : {}) });
  };
  return (
    <form
      ref={formRef}
      className="card audit-filters"
      noValidate
      onSubmit={submit}
      aria-label="Filter events"
    >
      <SelectField
        label="Person"
        name="user"
        value={userId}
        onChange={(event) => setUserId(event.target.value)}
      >
        <option value="">Everyone</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </option>
        ))}
      </SelectField>
      <TextField
        label="Lesson id"
        name="lesson"
        autoComplete="off"
        spellCheck={false}
        value={lessonId}
        error={lessonError}
        onChange={(event) => setLessonId(event.target.value)}
      />
      <div className="audit-filters__actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        {(filter.userId || filter.lessonId) && (
          <button type="button" className="button button--secondary" onClick={() => onApply({})}>
            Clear
          </button>
        )}
      </div>
    </form>
  );
}
