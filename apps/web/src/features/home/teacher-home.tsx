import { Link } from 'react-router';
import type { Lesson } from '../../api/client';
import { ProgressBar } from '../../components/progress-bar';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { formatCalendarDate, formatDate, formatDateTime } from '../../lib/format-time';
import { StageTag } from '../cycles/stage-steps';
import { useLessons } from '../lessons/lesson.queries';
import { LessonCard } from '../lessons/lesson-card';
import { sortLessons } from '../lessons/lessons.page';
import { CalibrationChart } from '../library/calibration-chart';
import { PAGES } from '../session/access';
import { useViewer } from '../session/session.queries';
import { type TeacherDashboard, type TodoItem, useTeacherDashboard } from './dashboard.queries';
import '../lessons/lessons.css';

const RECENT = 3;

type NextStep = {
  lesson: Lesson;
  title: string;
  text: string;
  action: string;
  tone: 'accent' | 'pending' | 'success' | 'danger';
};

/**
 * The one thing a teacher should do (or know) next, from their lessons: finish an upload,
 * wait for processing, watch what is ready, or deal with a recording that failed.
 */
export function nextStepFor(lessons: readonly Lesson[]): NextStep | null {
  const ordered = sortLessons(lessons);
  const find = (...states: Lesson['state'][]) =>
    ordered.find((lesson) => states.includes(lesson.state));
  const unfinished = find('uploading', 'awaiting_upload');
  if (unfinished) {
    return {
      lesson: unfinished,
      tone: 'pending',
      title:
        unfinished.state === 'uploading'
          ? `Finish uploading “${unfinished.title}”`
          : `Upload the video of “${unfinished.title}”`,
      text:
        unfinished.state === 'uploading'
          ? 'Part of the video is uploaded. If the upload stopped, open the lesson and choose the same file: it continues from where it stopped.'
          : 'The lesson is created but has no video yet.',
      action: unfinished.state === 'uploading' ? 'Continue the upload' : 'Upload the video',
    };
  }
  const processing = find('processing');
  if (processing) {
    return {
      lesson: processing,
      tone: 'accent',
      title: `“${processing.title}” is being prepared`,
      text: 'Elevate is checking the recording and making its poster. It is ready in a few minutes.',
      action: 'Open the lesson',
    };
  }
  const latest = ordered[0];
  if (latest?.state === 'failed') {
    return {
      lesson: latest,
      tone: 'danger',
      title: `“${latest.title}” could not be used`,
      text: latest.stateReason ?? 'Processing failed.',
      action: 'See what happened',
    };
  }
  if (latest && (latest.state === 'ready' || latest.state === 'not_processed')) {
    return {
      lesson: latest,
      tone: 'success',
      title: `“${latest.title}” is ready`,
      text: 'Your coach can now watch it and choose clips for your next conversation.',
      action: 'Watch it',
    };
  }
  return null;
}

/**
 * The teacher's home: the open cycle's next step and its checklist (or, between cycles, what
 * their lessons need), then the cycles before, their calibration, and their latest lessons.
 */
export function TeacherHome() {
  const { user } = useViewer();
  const lessons = useLessons();
  const dashboard = useTeacherDashboard();
  if (lessons.isPending || dashboard.isPending) return <LoadingState label="Loading your work…" />;
  if (!lessons.data) {
    return <ErrorState error={lessons.error} onRetry={() => void lessons.refetch()} />;
  }
  if (!dashboard.data) {
    return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  }
  const { current, todo, history } = dashboard.data;
  if (!current && history.length === 0 && lessons.data.length === 0) return <FirstLesson />;
  const next = current ? null : nextStepFor(lessons.data);
  return (
    <>
      {current ? (
        <CycleNextStep cycle={current} todo={todo} />
      ) : next ? (
        <LessonNextStep next={next} />
      ) : null}
      {history.length > 0 && (
        <section className="home-section" aria-labelledby="history-title">
          <div className="home-section__header">
            <h2 id="history-title">Your cycles so far</h2>
            <Link to={PAGES.cycles.to}>All cycles</Link>
          </div>
          <ul className="cycle-history">
            {history.map((cycle) => (
              <li key={cycle.id} className="card cycle-history__item">
                <h3 className="card__title">
                  <Link to={`/cycles/${cycle.id}`}>Cycle {cycle.number}</Link>
                </h3>
                <StageTag stage={cycle.stage} />
                <p className="card__lead">
                  {cycle.meetingAt
                    ? `Conversation ${formatDate(cycle.meetingAt, user.timeZone)}`
                    : 'No conversation date'}
                  {cycle.focusCodeIds.length > 0 && ` · Focus ${cycle.focusCodeIds.join(', ')}`}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="home-section" aria-labelledby="calibration-title">
        <h2 id="calibration-title">Your calibration</h2>
        <CalibrationChart teacherId={user.id} />
      </section>
      {lessons.data.length > 0 && (
        <section className="home-section" aria-labelledby="recent-title">
          <div className="home-section__header">
            <h2 id="recent-title">Recent lessons</h2>
            <Link to={PAGES.myLessons.to}>All my lessons</Link>
          </div>
          <ul className="lesson-list">
            {sortLessons(lessons.data)
              .slice(0, RECENT)
              .map((lesson) => (
                <LessonCard key={lesson.id} lesson={lesson} headingLevel={3} />
              ))}
          </ul>
        </section>
      )}
    </>
  );
}

function LessonNextStep({ next }: { next: NextStep }) {
  return (
    <section className="next-step" data-tone={next.tone} aria-labelledby="next-title">
      <p className="next-step__eyebrow">Next</p>
      <h2 id="next-title">{next.title}</h2>
      <p className="next-step__text">{next.text}</p>
      {next.lesson.state === 'processing' && (
        <ProgressBar value={next.lesson.progress ?? 0} label={`Preparing ${next.lesson.title}`} />
      )}
      <div className="next-step__actions">
        <Link className="button" to={`/lessons/${next.lesson.id}`}>
          {next.action}
        </Link>
        <Link className="button button--secondary" to={PAGES.newLesson.to}>
          New lesson
        </Link>
      </div>
    </section>
  );
}

type OpenCycle = NonNullable<TeacherDashboard['current']>;

/** A to-do's wording and where it is done, for the teacher. */
function describeTodo(item: TodoItem, cycle: OpenCycle, timeZone: string) {
  const cyclePage = `/cycles/${cycle.id}`;
  const clip = (n: 1 | 2) => (cycle.lessonId ? `/lessons/${cycle.lessonId}/clips/${n}` : cyclePage);
  switch (item.kind) {
    case 'upload':
      return {
        label: item.dueOn
          ? `Film and upload your lesson by ${formatCalendarDate(item.dueOn)}`
          : 'Film and upload your lesson',
        to: cycle.lesson ? `/lessons/${cycle.lesson.id}` : PAGES.newLesson.to,
        action: cycle.lesson ? 'Open the lesson' : 'Add the lesson',
      };
    case 'coach_preparing':
      return {
        label: 'Your coach is choosing two clips and a stock clip for you',
        to: cyclePage,
        action: 'Open the cycle',
      };
    case 'watch_clip_1':
      return { label: 'Watch clip 1', to: clip(1), action: 'Watch clip 1' };
    case 'watch_clip_2':
      return { label: 'Watch clip 2', to: clip(2), action: 'Watch clip 2' };
    case 'score_stock':
      return { label: 'Score the stock clip', to: `${cyclePage}#stock`, action: 'Score it' };
    case 'meeting':
      return {
        label: item.at
          ? `Meet your coach on ${formatDateTime(item.at, timeZone)}`
          : 'Meet your coach (no time set yet)',
        to: cyclePage,
        action: 'Open the cycle',
      };
    case 'log':
      return {
        label: 'Complete the log with your coach',
        to: `${cyclePage}#log`,
        action: 'Open the log',
      };
  }
}

function CycleNextStep({ cycle, todo }: { cycle: OpenCycle; todo: TodoItem[] }) {
  const { user } = useViewer();
  const steps = todo.map((item) => ({ item, ...describeTodo(item, cycle, user.timeZone) }));
  const next = steps.find((s) => !s.item.isDone);
  const done = steps.filter((s) => s.item.isDone).length;
  const overdue = cycle.isVideoOverdue;
  return (
    <section
      className="next-step"
      data-tone={overdue ? 'danger' : next ? 'accent' : 'success'}
      aria-labelledby="next-title"
    >
      <p className="next-step__eyebrow">
        Cycle {cycle.number} · <StageTag stage={cycle.stage} />
      </p>
      <h2 id="next-title">{next ? next.label : 'All done for this cycle'}</h2>
      {overdue && <p className="next-step__text">The date for this video has passed.</p>}
      <ProgressBar
        value={steps.length ? (done / steps.length) * 100 : 100}
        label={`Cycle ${cycle.number} progress`}
        valueText={`${done} of ${steps.length} steps done`}
      />
      <ol className="todo-list" aria-label={`Steps of cycle ${cycle.number}`}>
        {steps.map((s) => (
          <li key={s.item.kind} className={s.item.isDone ? 'todo-list__item--done' : undefined}>
            <span className="todo-list__mark" aria-hidden="true">
              {s.item.isDone ? '✓' : '○'}
            </span>
            {s.item.isDone || s === next ? (
              <span>{s.label}</span>
            ) : (
              <Link to={s.to}>{s.label}</Link>
            )}
            <span className="visually-hidden">{s.item.isDone ? ' (done)' : ' (to do)'}</span>
          </li>
        ))}
      </ol>
      <div className="next-step__actions">
        {next && (
          <Link className="button" to={next.to}>
            {next.action}
          </Link>
        )}
        <Link className="button button--secondary" to={`/cycles/${cycle.id}`}>
          Open cycle {cycle.number}
        </Link>
      </div>
    </section>
  );
}

function FirstLesson() {
  return (
    <section className="home-empty" aria-labelledby="lessons-title">
      <svg className="home-empty__art" viewBox="0 0 64 64" aria-hidden="true">
        <rect x="6" y="14" width="40" height="32" rx="5" />
        <path d="m46 26 12-7v26l-12-7" />
        <path d="M18 38 25 29l5 5 7-9" />
      </svg>
      <div className="home-empty__text">
        <h2 id="lessons-title">Upload your first lesson</h2>
        <p>
          Film one of your maths lessons, then add it here with the date you taught it and the
          rubric codes you are working on. Your coach watches it and picks two short clips for your
          next conversation.
        </p>
        <p>Large files are fine: the upload continues where it stopped if the connection drops.</p>
        <div className="home-empty__actions">
          <Link className="button" to={PAGES.newLesson.to}>
            New lesson
          </Link>
          <Link className="button button--secondary" to="/rubrics">
            Browse the rubrics
          </Link>
        </div>
      </div>
    </section>
  );
}
