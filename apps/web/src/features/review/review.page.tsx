import { useParams } from 'react-router';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { useViewer } from '../session/session.queries';
import { useTimeline } from './review.queries';
import { ReviewHeader } from './review-header';
import { ReviewWorkspace } from './review-workspace';
import './review.css';

/** `/lessons/:lessonId/review`: the coach prepares the conversation; the teacher reads and replies. */
export default function ReviewPage() {
  const { lessonId = '' } = useParams();
  const me = useViewer();
  const timeline = useTimeline(lessonId);
  if (timeline.isPending) return <LoadingState label="Loading the lesson review…" />;
  if (timeline.isError) {
    return <ErrorState error={timeline.error} level={1} onRetry={() => void timeline.refetch()} />;
  }
  const { lesson } = timeline.data;
  return (
    <div className="review-page review-page--wide">
      <title>{`Review: ${lesson.title} · Elevate`}</title>
      <Breadcrumbs
        items={[
          { label: 'Lessons', to: '/lessons' },
          { label: lesson.title, to: `/lessons/${lesson.id}` },
          { label: 'Review' },
        ]}
      />
      <ReviewHeader lesson={lesson} role={me.user.role} />
      <ReviewWorkspace me={me} data={timeline.data} />
    </div>
  );
}
