import type { Role } from '../../api/client';
import type { ReviewLesson } from './review.types';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/** The lesson's title and facts, and a line on what this page is for, by role. */
export function ReviewHeader({ lesson, role }: { lesson: ReviewLesson; role: Role }) {
  const taughtOn = dateFormat.format(new Date(`${lesson.taughtOn}T00:00:00Z`));
  return (
    <header className="review-header">
      <p className="tag tag--accent">
        {role === 'coach' ? 'Preparing the conversation' : 'Lesson review'}
      </p>
      <h1>{lesson.title}</h1>
      <p className="review-header__facts">
        <span>Taught {taughtOn}</span>
        <span>Grade {lesson.grade}</span>
        <span>{lesson.topic}</span>
        {lesson.focusCodeIds.length > 0 && <span>Focus: {lesson.focusCodeIds.join(', ')}</span>}
      </p>
    </header>
  );
}
