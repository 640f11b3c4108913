/*
 * The uploads this page is running, by lesson, for code outside the (lazily loaded) upload
 * module: deleting a lesson stops its upload first, without loading Uppy to find out.
 */
type Stoppable = { stop(): Promise<void> };

const running = new Map<string, Stoppable>();

export function trackUpload(lessonId: string, upload: Stoppable): void {
  running.set(lessonId, upload);
}

/** Stops and forgets the lesson's upload, if this page has one; otherwise does nothing. */
export async function stopUploadOf(lessonId: string): Promise<void> {
  const upload = running.get(lessonId);
  running.delete(lessonId);
  await upload?.stop();
}
