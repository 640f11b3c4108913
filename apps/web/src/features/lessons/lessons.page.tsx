import { Link, useLocation } from 'react-router';
import type { Lesson } from '../../api/client';
import { Alert } from '../../components/alert';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { useCaseloads } from '../caseload/caseload.queries';
import { PAGES } from '../session/access';
import { useViewer } from '../session/session.queries';
import { useLessons } from './lesson.queries';
import { LessonCard } from './lesson-card';
import './lessons.css';

/** `/lessons`: a teacher's own lessons, or a coach's teachers' lessons (read-only). */
export function LessonsPage() {
  const { user } = useViewer();
  return user.role === 'coach' ? <CoachLessons /> : <TeacherLessons />;
}

function TeacherLessons() {
  const lessons = useLessons();
  const deleted = (useLocation().state as { deleted?: unknown } | null)?.deleted;
  return (
    <>
      <title>My lessons · Elevate</title>
      <header className="page-header lessons-header">
        <div className="lessons-header__text">
          <h1>My lessons</h1>
          <p className="page-header__lead">
            Your filmed lessons. Only you, your coach and the admins your program names can see
            them.
          </p>
        </div>
        {/* With no lessons yet, the empty state below offers it. */}
        {lessons.data?.length !== 0 && (
          <Link className="button" to={PAGES.newLesson.to}>
            New lesson
          </Link>
        )}
      </header>
      {typeof deleted === 'string' && (
        <div className="lessons-flash">
          <Alert tone="success" title={`“${deleted}” was deleted, with its recording.`} />
        </div>
      )}
      {lessons.isPending ? (
        <LoadingState label="Loading your lessons…" />
      ) : !lessons.data ? (
        <ErrorState error={lessons.error} onRetry={() => void lessons.refetch()} />
      ) : lessons.data.length === 0 ? (
        <NoLessonsYet />
      ) : (
        <ul className="lesson-list">
          {sortLessons(lessons.data).map((lesson) => (
            <LessonCard key={lesson.id} lesson={lesson} headingLevel={2} />
          ))}
        </ul>
      )}
    </>
  );
}

/** The teacher's empty state: what a lesson is for, and the one thing to do. */
function NoLessonsYet() {
  return (
    <EmptyState title="No lessons yet">
      <p className="status__text">
        Film a lesson (45 to 60 minutes is typical), then create it here: give it a title, the date
        you taught it and, if you like, the rubric codes you are working on. Then upload the video;
        your coach picks clips from it for your next conversation.
      </p>
      <div className="status__actions">
        <Link className="button" to={PAGES.newLesson.to}>
          New lesson
        </Link>
      </div>
    </EmptyState>
  );
}

function CoachLessons() {
  const lessons = useLessons();
  const caseloads = useCaseloads();
  const nameOf = new Map(
    (caseloads.data ?? []).map((entry) => [entry.teacherId, entry.teacherName] as const),
  );
  return (
    <>
      <title>Lessons · Elevate</title>
      <header className="page-header">
        <h1>Lessons</h1>
        <p className="page-header__lead">
          Lessons your teachers have uploaded, by teacher. Teachers add and delete their own
          lessons; you can watch them here.
        </p>
      </header>
      {lessons.isPending || caseloads.isPending ? (
        <LoadingState label="Loading your teachers’ lessons…" />
      ) : !lessons.data ? (
        <ErrorState error={lessons.error} onRetry={() => void lessons.refetch()} />
      ) : lessons.data.length === 0 ? (
        <EmptyState title="No lessons yet">
          <p className="status__text">
            When a teacher you coach uploads a lesson, it appears here.
          </p>
        </EmptyState>
      ) : (
        groupByTeacher(lessons.data, (id) => nameOf.get(id) ?? 'A former teacher').map((group) => (
          <section
            key={group.teacherId}
            className="lesson-group"
            aria-labelledby={`teacher-${group.teacherId}`}
          >
            <h2 id={`teacher-${group.teacherId}`} className="lesson-group__title">
              {group.name}{' '}
              <span className="lesson-group__count">
                {group.lessons.length} {group.lessons.length === 1 ? 'lesson' : 'lessons'}
              </span>
            </h2>
            <ul className="lesson-list">
              {group.lessons.map((lesson) => (
                <LessonCard key={lesson.id} lesson={lesson} headingLevel={3} />
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}

/** Most recently taught first; on the same day, the most recently created first. */
export function sortLessons(lessons: readonly Lesson[]): Lesson[] {
  return [...lessons].sort(
    (a, b) => b.taughtOn.localeCompare(a.taughtOn) || b.createdAt.localeCompare(a.createdAt),
  );
}

type TeacherGroup = { teacherId: string; name: string; lessons: Lesson[] };

/** Lessons grouped by teacher, teachers by name, lessons newest first. */
function groupByTeacher(
  lessons: readonly Lesson[],
  nameOf: (teacherId: string) => string,
): TeacherGroup[] {
  const groups = new Map<string, TeacherGroup>();
  for (const lesson of sortLessons(lessons)) {
    let group = groups.get(lesson.teacherId);
    if (!group) {
      group = { teacherId: lesson.teacherId, name: nameOf(lesson.teacherId), lessons: [] };
      groups.set(lesson.teacherId, group);
    }
    group.lessons.push(lesson);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}
