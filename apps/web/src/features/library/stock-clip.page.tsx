import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { useLesson } from '../lessons/lesson.queries';
import { useViewer } from '../session/session.queries';
import {
  type StockClipDetail,
  useDeleteStockClip,
  useStartStockVideo,
  useStockClip,
} from './library.queries';
import { codeName, codeParaphrase, levelName } from './rubric-labels';
import { StockVideo } from './stock-video';
import './library.css';

// Uppy is big: it loads only when an admin uploads a clip's video.
const UploadPanel = lazy(() => import('../upload/upload-panel'));

/** `/library/:clipId`: the clip, its video, and its master scores for those who may see them. */
export default function StockClipPage() {
  const { clipId = '' } = useParams();
  const clip = useStockClip(clipId);
  if (clip.isPending) return <LoadingState label="Loading the stock clip…" />;
  if (!clip.data) {
    return <ErrorState error={clip.error} level={1} onRetry={() => void clip.refetch()} />;
  }
  return <ClipView clip={clip.data} />;
}

function ClipView({ clip }: { clip: StockClipDetail }) {
  const { user } = useViewer();
  const isAdmin = user.role === 'admin';
  return (
    <article className="stock-clip-page" aria-labelledby="clip-title">
      <title>{`${clip.title} · Stock clips · Elevate`}</title>
      <Breadcrumbs items={[{ label: 'Stock clips', to: '/library' }, { label: clip.title }]} />
      <header className="page-header library-header">
        <div>
          <h1 id="clip-title">{clip.title}</h1>
          <p className="page-header__lead">
            {clip.pseudonym} · Grade {clip.grade} · {clip.topic}
          </p>
        </div>
        {isAdmin && (
          <div className="page-header__actions">
            <Link className="button button--secondary" to={`/library/${clip.id}/edit`}>
              Edit
            </Link>
            <DeleteClip clip={clip} />
          </div>
        )}
      </header>
      <div className="stock-clip-page__layout">
        <div className="stock-clip-page__main">
          <StockVideo clip={clip} />
          {isAdmin && <VideoUpload clip={clip} />}
          {clip.description && <p>{clip.description}</p>}
        </div>
        <MasterScores clip={clip} role={user.role} />
      </div>
    </article>
  );
}

function MasterScores({ clip, role }: { clip: StockClipDetail; role: string }) {
  return (
    <section className="card stock-masters" aria-labelledby="masters-title">
      <h2 id="masters-title" className="card__title">
        {clip.masterScores ? 'Master scores' : 'Codes'}
      </h2>
      {!clip.masterScores && role === 'teacher' && (
        <p className="small muted">
          The master scores appear once you have scored this clip in one of your cycles and
          submitted your scores.
        </p>
      )}
      <dl className="stock-masters__list">
        {clip.codeIds.map((codeId) => {
          const master = clip.masterScores?.find((m) => m.codeId === codeId);
          return (
            <div key={codeId} className="stock-masters__item">
              <dt>{codeName(codeId)}</dt>
              <dd>
                <p className="small muted">{codeParaphrase(codeId)}</p>
                {clip.masterScores &&
                  (master ? (
                    <>
                      <p>
                        <strong>{levelName(codeId, master.level)}</strong>
                      </p>
                      <p>{master.rationale}</p>
                    </>
                  ) : (
                    <p className="muted">No master score yet.</p>
                  ))}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The admin uploads the clip's video through the lessons' resumable upload. */
function VideoUpload({ clip }: { clip: StockClipDetail }) {
  const start = useStartStockVideo(clip.id);
  const [isConfirming, setIsConfirming] = useState(false);
  const state = clip.video?.state;
  const isWaiting = state === 'awaiting_upload' || state === 'uploading';
  if (clip.video && isWaiting) return <UploadTo lessonId={clip.video.lessonId} />;
  return (
    <div className="stock-clip-page__upload">
      <button
        type="button"
        className="button button--secondary"
        disabled={start.isPending}
        onClick={() => (clip.video ? setIsConfirming(true) : start.mutate())}
      >
        {clip.video ? 'Replace the video' : 'Upload the video'}
      </button>
      {start.isError && (
        <Alert tone="error" title="The upload could not start">
          <p>{start.error.message}</p>
        </Alert>
      )}
      {isConfirming && (
        <ConfirmDialog
          title="Replace this clip’s video?"
          confirmLabel="Replace the video"
          cancelLabel="Keep it"
          pendingLabel="Preparing…"
          isPending={start.isPending}
          tone="danger"
          onConfirm={() => start.mutate(undefined, { onSettled: () => setIsConfirming(false) })}
          onCancel={() => setIsConfirming(false)}
        >
          <p>The current video is deleted; the clip has no video until the new one is ready.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function UploadTo({ lessonId }: { lessonId: string }) {
  const lesson = useLesson(lessonId);
  if (!lesson.data) return <LoadingState label="Loading the uploader…" />;
  return (
    <Suspense fallback={<LoadingState label="Loading the uploader…" />}>
      <UploadPanel lesson={lesson.data} />
    </Suspense>
  );
}

function DeleteClip({ clip }: { clip: StockClipDetail }) {
  const remove = useDeleteStockClip(clip.id);
  const navigate = useNavigate();
  const [isConfirming, setIsConfirming] = useState(false);
  const isInUse = (clip.cycleCount ?? 0) > 0;
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--danger-outline"
        onClick={() => setIsConfirming(true)}
      >
        Delete
      </button>
      {isConfirming && (
        <ConfirmDialog
          title={`Delete “${clip.title}”?`}
          confirmLabel="Delete clip"
          cancelLabel="Keep it"
          pendingLabel="Deleting…"
          isPending={remove.isPending}
          tone="danger"
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => navigate('/library', { replace: true }),
            })
          }
          onCancel={() => {
            remove.reset();
            setIsConfirming(false);
          }}
        >
          <p>
            {isInUse
              ? 'This clip is used in coaching cycles, so it cannot be deleted: teachers’ calibration is measured against its master scores.'
              : 'The clip, its video and its master scores are deleted for good.'}
          </p>
          {remove.isError && (
            <Alert tone="error" title="The clip was not deleted">
              <p>{remove.error.message}</p>
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
