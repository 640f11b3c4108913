import { useEffect } from 'react';
import { useParams } from 'react-router';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { PrepSection } from '../coaching/prep-section';
import { useCycles } from '../cycles/cycle.queries';
import { useViewer } from '../session/session.queries';
import { useReviewMedia, useTimeline } from './review.queries';
import { ClipViewPage } from './review.routes';
import { ReviewHeader } from './review-header';
import { ReviewWorkspace } from './review-workspace';
import './review.css';

/** `/lessons/:lessonId/review`: the coach prepares the conversation; the teacher reads and replies. */
export default function ReviewPage() {
  const { lessonId = '' } = useParams();
  const me = useViewer();
  const timeline = useTimeline(lessonId);
  // The first frame waits on the timeline, the media URLs and the player's code: ask for all
  // three at once instead of one after another.
  useReviewMedia(lessonId);
  // The clip views are one click away: their code too.
  useEffect(() => {
    void import('./player/videojs-loader');
    void ClipViewPage.preload();
  }, []);
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
      {me.user.role === 'coach' && <PlanningGuide lessonId={lesson.id} coachId={me.user.id} />}
    </div>
  );
}

/**
 * The coach's planning guide for the cycle this lesson belongs to, beside the player: the
 * clips and notes chosen above feed the answers written here (saved as they are typed).
 */
function PlanningGuide({ lessonId, coachId }: { lessonId: string; coachId: string }) {
  const cycles = useCycles();
  const cycle = cycles.data?.find((c) => c.lessonId === lessonId && c.coachId === coachId);
  if (!cycle) return null;
  return (
    <div className="review-planning">
      <PrepSection cycle={cycle} />
    </div>
  );
}
