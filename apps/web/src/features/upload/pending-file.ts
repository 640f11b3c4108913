/*
 * The new-lesson form may take the recording along with the details. It creates the lesson,
 * leaves the file here and opens the lesson page, whose upload panel (loaded on demand, with
 * Uppy) takes it and starts. In memory only: a File cannot outlive the page anyway.
 */
const handedOver = new Map<string, File>();

export function handOverFile(lessonId: string, file: File): void {
  handedOver.set(lessonId, file);
}

/** The file left for this lesson, once: taking it removes it. */
export function takeHandedOverFile(lessonId: string): File | undefined {
  const file = handedOver.get(lessonId);
  handedOver.delete(lessonId);
  return file;
}
