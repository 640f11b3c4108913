import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Lesson } from '../../api/client';
import { Alert } from '../../components/alert';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ConfirmDialog } from '../../components/dialog';
import { ProgressBar } from '../../components/progress-bar';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { reviewPath } from '../review/clips/clip-links';
import { PAGES } from '../session/access';
import { useViewer } from '../session/session.queries';
import { stopUploadOf } from '../upload/active-uploads';
import { hasVideo, useDeleteLesson, useLesson } from './lesson.queries';
import { LessonDetails } from './lesson-details';
import { StateBadge } from './lesson-state';
import { LessonVideo } from './lesson-video';
import './lessons.css';

// Uppy is big: it loads with the upload panel, only where a recording is to be uploaded.
const UploadPanel = lazy(() => import('../upload/upload-panel'));

/** `/lessons/:lessonId`: the lesson's details, where its recording is, and its video. */
export function LessonPage() {
  const { lessonId = '' } = useParams();
  const lesson = useLesson(lessonId);
  if (lesson.isPending) return <LoadingState label="Loading the lesson…" />;
  // A failed poll keeps the page as it was (an upload may be running on it); only a lesson
  // that never loaded is an error page.
  if (!lesson.data) {
    return (
      <>
        <title>Lesson · Elevate</title>
        <ErrorState error={lesson.error} level={1} onRetry={() => void lesson.refetch()} />
      </>
    );
  }
  return <LessonView lesson={lesson.data} />;
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const { user } = useViewer();
  const isOwner = user.role === 'teacher' && user.id === lesson.teacherId;
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const remove = useDeleteLesson();
  const navigate = useNavigate();
  const listPage = user.role === 'coach' ? PAGES.lessons : PAGES.myLessons;

  const confirmDelete = async () => {
    await stopUploadOf(lesson.id);
    remove.mutate(lesson.id, {
      onSuccess: () => navigate(listPage.to, { replace: true, state: { deleted: lesson.title } }),
    });
  };

  return (
    <article className="lesson-page" aria-labelledby="lesson-title">
      <title>{`${lesson.title} · Elevate`}</title>
      {user.role !== 'admin' && (
        <Breadcrumbs
          items={[{ label: listPage.label, to: listPage.to }, { label: lesson.title }]}
        />
      )}
      <header className="page-header lesson-page__header">
        <div className="lesson-page__heading">
          <h1 id="lesson-title">{lesson.title}</h1>
          <StateBadge state={lesson.state} />
        </div>
        {isOwner && (
          <div className="page-header__actions">
            <button
              type="button"
              className="button button--secondary button--danger-outline"
              onClick={() => setIsConfirmingDelete(true)}
            >
              Delete lesson
            </button>
          </div>
        )}
      </header>
      <div className="lesson-page__layout">
        <div className="lesson-page__main">
          <LessonStage lesson={lesson} isOwner={isOwner} />
        </div>
        <LessonDetails lesson={lesson} />
      </div>
      {isConfirmingDelete && (
        <ConfirmDialog
          title={`Delete “${lesson.title}”?`}
          confirmLabel="Delete lesson"
          cancelLabel="Keep it"
          pendingLabel="Deleting…"
          isPending={remove.isPending}
          tone="danger"
          onConfirm={() => void confirmDelete()}
          onCancel={() => {
            remove.reset();
            setIsConfirmingDelete(false);
          }}
        >
          <p>
            The recording, its poster and any clips and annotations made on it are deleted for good,
            for you and for your coach. This cannot be undone.
          </p>
          {remove.isError && (
            <Alert tone="error" title="The lesson was not deleted">
              <p>{remove.error.message}</p>
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </article>
  );
}

/** What the lesson's main column shows for its state. */
function LessonStage({ lesson, isOwner }: { lesson: Lesson; isOwner: boolean }) {
  const { state } = lesson;
  if (state === 'awaiting_upload' || state === 'uploading') {
    if (isOwner) {
      return (
        <Suspense fallback={<LoadingState label="Loading the uploader…" />}>
          <UploadPanel lesson={lesson} />
        </Suspense>
      );
    }
    return (
      <section className="lesson-stage" aria-labelledby="stage-title">
        <h2 id="stage-title">
          {state === 'uploading' ? 'The recording is on its way' : 'No recording yet'}
        </h2>
        <p className="status__text">
          {state === 'uploading'
            ? 'The teacher is uploading the video. This page updates when it arrives.'
            : 'The teacher has not uploaded the video yet.'}
        </p>
      </section>
    );
  }
  if (state === 'processing') {
    const progress = lesson.progress ?? 0;
    return (
      <section className="lesson-stage" aria-labelledby="stage-title">
        <h2 id="stage-title">Preparing the video</h2>
        <ProgressBar value={progress} label="Preparing the video" valueText={`${progress}% done`} />
        <p className="lesson-stage__numbers" role="status">
          <span className="spinner" aria-hidden="true" />
          {progress}% done
        </p>
        <p className="status__text">
          Elevate checks the recording, makes its poster and storyboard, and converts it if browsers
          cannot play it as it is. This page updates on its own.
        </p>
      </section>
    );
  }
  if (state === 'failed') {
    return (
      <section className="lesson-stage" aria-labelledby="stage-title">
        <h2 id="stage-title" className="visually-hidden">
          What happened to the recording
        </h2>
        <Alert tone="error" title="This recording could not be used">
          <p>{lesson.stateReason ?? 'Processing failed.'}</p>
          {isOwner && <p>Delete this lesson, then create it again with the lesson’s video file.</p>}
        </Alert>
      </section>
    );
  }
  return (
    <>
      {state === 'not_processed' && lesson.stateReason && (
        <Alert tone="info" title="Stored, not processed">
          <p>{lesson.stateReason}</p>
        </Alert>
      )}
      {hasVideo(state) && (
        <p>
          <Link className="button" to={reviewPath(lesson.id)}>
            Open the review: clips and annotations
          </Link>
        </p>
      )}
      {hasVideo(state) && <LessonVideo lesson={lesson} />}
    </>
  );
}
