import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { SelectField, TextField } from '../../components/form-field';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { formatCalendarDate, formatDateTime } from '../../lib/format-time';
import { fromZonedInput } from '../../lib/zoned-time';
import { useCaseloads } from '../caseload/caseload.queries';
import { useViewer } from '../session/session.queries';
import { type Cycle, useCycles, useOpenCycle } from './cycle.queries';
import { StageTag } from './stage-steps';
import './cycles.css';

/** `/cycles`: a teacher's cycles, or a coach's cycles across their caseload, newest first. */
export default function CyclesPage() {
  const { user } = useViewer();
  const cycles = useCycles();
  const isCoach = user.role === 'coach';
  return (
    <>
      <title>Cycles · Elevate</title>
      <header className="page-header">
        <h1>{isCoach ? 'Coaching cycles' : 'My coaching cycles'}</h1>
        <p className="page-header__lead">
          {isCoach
            ? 'Each cycle runs from the video to the log. Open the next one from the last log.'
            : 'Each cycle: your video, the clips your coach chose, the stock clip, the conversation and your log.'}
        </p>
      </header>
      {isCoach && <OpenCycleForm />}
      {cycles.isPending ? (
        <LoadingState label="Loading cycles…" />
      ) : cycles.isError ? (
        <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : cycles.data.length === 0 ? (
        <EmptyState title="No cycles yet">
          <p className="status__text">
            {isCoach
              ? 'Open a first cycle for one of your teachers above.'
              : 'Your coach opens your first cycle. Until then you can already upload a lesson.'}
          </p>
        </EmptyState>
      ) : (
        <CycleTable cycles={cycles.data} showTeacher={isCoach} timeZone={user.timeZone} />
      )}
    </>
  );
}

function CycleTable(props: { cycles: Cycle[]; showTeacher: boolean; timeZone: string }) {
  const rows = [...props.cycles].sort(
    (a, b) => a.teacherName.localeCompare(b.teacherName) || b.number - a.number,
  );
  return (
    <div className="table-wrap">
      <table className="table cycles-table">
        <caption className="visually-hidden">Coaching cycles</caption>
        <thead>
          <tr>
            {props.showTeacher && <th scope="col">Teacher</th>}
            <th scope="col">Cycle</th>
            <th scope="col">Stage</th>
            <th scope="col">Lesson</th>
            <th scope="col">Video due</th>
            <th scope="col">Meeting</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              {props.showTeacher && <td>{c.teacherName}</td>}
              <th scope="row">
                <Link to={`/cycles/${c.id}`}>Cycle {c.number}</Link>
              </th>
              <td>
                <StageTag stage={c.stage} />
              </td>
              <td>{c.lesson?.title ?? <span className="muted">No video yet</span>}</td>
              <td>
                {c.videoDueOn ? formatCalendarDate(c.videoDueOn) : '—'}
                {c.isVideoOverdue && (
                  <span className="tag tag--warning cycle-facts__flag">Overdue</span>
                )}
              </td>
              <td>{c.meetingAt ? formatDateTime(c.meetingAt, props.timeZone) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The coach opens a teacher's next cycle; focus and dates carry over from the last log. */
function OpenCycleForm() {
  const { user } = useViewer();
  const caseload = useCaseloads();
  const open = useOpenCycle();
  const navigate = useNavigate();
  const [teacherId, setTeacherId] = useState('');
  const [videoDueOn, setVideoDueOn] = useState('');
  const [meeting, setMeeting] = useState('');
  const teachers = (caseload.data ?? [])
    .filter((entry) => entry.endsAt === null && entry.coachId === user.id)
    .sort((a, b) => a.teacherName.localeCompare(b.teacherName));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!teacherId) return;
    open.mutate(
      {
        teacherId,
        ...(videoDueOn ? { videoDueOn } : {}),
        ...(meeting ? { meetingAt: fromZonedInput(meeting, user.timeZone) } : {}),
      },
      { onSuccess: (cycle) => navigate(`/cycles/${cycle.id}`) },
    );
  };

  if (teachers.length === 0) return null;
  return (
    <form className="card open-cycle" onSubmit={submit} aria-labelledby="open-cycle">
      <h2 id="open-cycle" className="card__title">
        Open the next cycle
      </h2>
      <div className="open-cycle__fields">
        <SelectField
          label="Teacher"
          value={teacherId}
          required
          onChange={(e) => setTeacherId(e.target.value)}
        >
          <option value="">Choose a teacher</option>
          {teachers.map((t) => (
            <option key={t.teacherId} value={t.teacherId}>
              {t.teacherName}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Video due (optional)"
          type="date"
          value={videoDueOn}
          onChange={(e) => setVideoDueOn(e.target.value)}
          hint="Left empty, the date from the last log is used."
        />
        <TextField
          label="Meeting (optional)"
          type="datetime-local"
          value={meeting}
          onChange={(e) => setMeeting(e.target.value)}
          hint="Left empty, the next meeting from the last log is used."
        />
      </div>
      <button type="submit" className="button" disabled={!teacherId || open.isPending}>
        {open.isPending ? 'Opening…' : 'Open cycle'}
      </button>
      {open.isError && <ErrorAlert error={open.error} />}
    </form>
  );
}
