/**
 * Stable codes for what can go wrong with a video: the upload flow and the job runner branch on
 * these (tell the teacher to pick another file, to upload again, or alert an admin).
 */
export const MEDIA_ERROR_CODES = {
  /** The content is not a video container we accept (text, image, unknown format). */
  notAVideo: 'not_a_video',
  /** It looks like a video but cannot be read to the end: empty, truncated, damaged. */
  unreadable: 'unreadable',
  /** A readable container without a picture, e.g. an audio-only recording. */
  noVideoStream: 'no_video_stream',
  /** ffmpeg or ffprobe is not installed: an operator problem, not the user's. */
  ffmpegMissing: 'ffmpeg_missing',
  /** ffmpeg or ffprobe failed or timed out on input it should handle. */
  ffmpegFailed: 'ffmpeg_failed',
} as const;
export type MediaErrorCode = (typeof MEDIA_ERROR_CODES)[keyof typeof MEDIA_ERROR_CODES];

/**
 * An error from the media toolchain. `message` is written for a person (safe to show a teacher);
 * `details` keeps ffmpeg's own words (stderr tail) for logs only, since it can contain paths
 * and signed URLs.
 */
export class MediaError extends Error {
  override name = 'MediaError';
  readonly details: string | undefined;

  constructor(
    readonly code: MediaErrorCode,
    message: string,
    options: { cause?: unknown; details?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.details = options.details;
  }
}

/** True when `err` is a {@link MediaError}, optionally with the given code. */
export function isMediaError(err: unknown, code?: MediaErrorCode): err is MediaError {
  return err instanceof MediaError && (code === undefined || err.code === code);
}
