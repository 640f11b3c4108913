import type { Lesson } from '../../api/client';
import { formatCalendarDate, formatDateTime, formatDuration } from '../../lib/format-time';
import { useRubric } from '../rubric/rubric.queries';
import { useViewer } from '../session/session.queries';
import { MQI_ID } from './focus-code-picker';

/** The lesson's facts beside its video: when, what, and the codes it focuses on. */
export function LessonDetails({ lesson }: { lesson: Lesson }) {
  const { user } = useViewer();
  return (
    <aside className="card lesson-details" aria-labelledby="lesson-details-title">
      <h2 id="lesson-details-title" className="lesson-details__title">
        About this lesson
      </h2>
      <dl className="lesson-details__list">
        <div>
          <dt>Date taught</dt>
          <dd>{formatCalendarDate(lesson.taughtOn)}</dd>
        </div>
        <div>
          <dt>Grade</dt>
          <dd>{lesson.grade}</dd>
        </div>
        <div>
          <dt>Topic</dt>
          <dd>{lesson.topic}</dd>
        </div>
        {lesson.durationMs !== null && (
          <div>
            <dt>Length</dt>
            <dd>{formatDuration(lesson.durationMs)}</dd>
          </div>
        )}
        <div className="lesson-details__wide">
          <dt>Focus codes</dt>
          <dd>
            <FocusCodes ids={lesson.focusCodeIds} />
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(lesson.createdAt, user.timeZone)}</dd>
        </div>
      </dl>
    </aside>
  );
}

function FocusCodes({ ids }: { ids: readonly string[] }) {
  const rubric = useRubric(MQI_ID);
  if (ids.length === 0) return <span className="muted">None chosen</span>;
  const codes = rubric.data?.codes ?? [];
  return (
    <ul className="code-chips">
      {ids.map((id) => {
        const code = codes.find((c) => c.id === id);
        return (
          <li key={id} className="code-chip" data-domain={code?.domainId ?? undefined}>
            <span className="code-chip__id">{id}</span>
            {code && <span className="code-chip__name">{code.name}</span>}
          </li>
        );
      })}
    </ul>
  );
}
