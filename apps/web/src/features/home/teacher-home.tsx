import { Link } from 'react-router';
import type { Lesson } from '../../api/client';
import { ProgressBar } from '../../components/progress-bar';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { useLessons } from '../lessons/lesson.queries';
import { LessonCard } from '../lessons/lesson-card';
import { sortLessons } from '../lessons/lessons.page';
import { PAGES } from '../session/access';
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

/** The teacher's home: their next step and their latest lessons. */
export function TeacherHome() {
  const lessons = useLessons();
  if (lessons.isPending) return <LoadingState label="Loading your lessons…" />;
  if (!lessons.data) {
    return <ErrorState error={lessons.error} onRetry={() => void lessons.refetch()} />;
  }
  if (lessons.data.length === 0) return <FirstLesson />;
  const next = nextStepFor(lessons.data);
  return (
    <>
      {next && (
        <section className="next-step" data-tone={next.tone} aria-labelledby="next-title">
          <p className="next-step__eyebrow">Next</p>
          <h2 id="next-title">{next.title}</h2>
          <p className="next-step__text">{next.text}</p>
          {next.lesson.state === 'processing' && (
            <ProgressBar
              value={next.lesson.progress ?? 0}
              label={`Preparing ${next.lesson.title}`}
            />
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
      )}
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
    </>
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
