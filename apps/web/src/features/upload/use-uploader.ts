import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useApiClient } from '../../api/api-context';
import { useRefreshLesson } from '../lessons/lesson.queries';
import { uploaderFor } from './upload-controller';

/**
 * The lesson's uploader and its current state. While mounted, whatever the upload changes
 * on the server (started, finished, cancelled) refreshes the lesson's queries.
 */
export function useUploader(lessonId: string) {
  const client = useApiClient();
  const uploader = useMemo(() => uploaderFor(lessonId, client), [lessonId, client]);
  const snapshot = useSyncExternalStore(uploader.subscribe, uploader.getSnapshot);
  const refresh = useRefreshLesson();
  useEffect(
    () => uploader.onServerChange(() => void refresh(lessonId)),
    [uploader, refresh, lessonId],
  );
  return { uploader, snapshot };
}
