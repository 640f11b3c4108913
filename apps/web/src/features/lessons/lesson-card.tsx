import { Link } from 'react-router';
import type { Lesson } from '../../api/client';
import { ProgressBar } from '../../components/progress-bar';
import { formatCalendarDate, formatDuration } from '../../lib/format-time';
import { hasVideo, useLessonMedia } from './lesson.queries';
import { StateBadge } from './lesson-state';

/** One lesson in a list: its poster (or what it is waiting for), title, facts and state. */
export function LessonCard({ lesson, headingLevel }: { lesson: Lesson; headingLevel: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <li className="card lesson-card" data-state={lesson.state}>
      <LessonThumbnail lesson={lesson} />
      <div className="lesson-card__body">
        <Heading className="lesson-card__title">
          <Link to={`/lessons/${lesson.id}`}>{lesson.title}</Link>
        </Heading>
        <p className="lesson-card__meta">
          Taught {formatCalendarDate(lesson.taughtOn)} · Grade {lesson.grade} · {lesson.topic}
          {lesson.durationMs ? ` · ${formatDuration(lesson.durationMs)}` : ''}
        </p>
        <div className="lesson-card__state">
          <StateBadge state={lesson.state} />
          {lesson.state === 'processing' && (
            <span className="lesson-card__progress">
              <ProgressBar
                value={lesson.progress ?? 0}
                size="small"
                label={`Processing ${lesson.title}`}
              />
              <span>{lesson.progress ?? 0}%</span>
            </span>
          )}
          {lesson.state === 'uploading' && (
            <span className="lesson-card__hint">Upload unfinished</span>
          )}
        </div>
      </div>
    </li>
  );
}

/** The poster once there is one; before that, a quiet picture of what the lesson awaits. */
function LessonThumbnail({ lesson }: { lesson: Lesson }) {
  const media = useLessonMedia(lesson.id, hasVideo(lesson.state));
  const poster = media.data?.poster?.url;
  if (poster) {
    return (
      <div className="lesson-card__thumb">
        <img src={poster} alt="" loading="lazy" />
      </div>
    );
  }
  return (
    <div className="lesson-card__thumb lesson-card__thumb--empty">
      <svg viewBox="0 0 48 48" aria-hidden="true">
        <rect x="5" y="11" width="28" height="26" rx="4" />
        <path d="m33 20 10-6v20l-10-6" />
      </svg>
    </div>
  );
}
