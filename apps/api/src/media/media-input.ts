import fs from 'node:fs/promises';
import { MediaError } from './media-error';
import { SNIFF_BYTES, sniffVideoContainer, type VideoContainer } from './sniff';

/** True for the http(s) URLs (e.g. signed object-store URLs) the media functions accept. */
export const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** Reads up to `count` leading bytes of a local file or an http(s) URL (one ranged GET). */
export async function readFirstBytes(input: string, count = SNIFF_BYTES): Promise<Uint8Array> {
  if (!isUrl(input)) {
    const file = await fs.open(input, 'r').catch((err: NodeJS.ErrnoException) => {
      throw new MediaError('unreadable', `The video file cannot be opened (${err.code}).`, {
        cause: err,
      });
    });
    try {
      const buffer = new Uint8Array(count);
      const { bytesRead } = await file.read(buffer, 0, count, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }
  const response = await fetch(input, { headers: { Range: `bytes=0-${count - 1}` } }).catch(
    (err: unknown) => {
      throw new MediaError('unreadable', 'The video URL cannot be fetched.', { cause: err });
    },
  );
  // 416: the range starts past the end, i.e. the object is empty.
  if (response.status === 416) return new Uint8Array(0);
  if (!response.ok) {
    throw new MediaError('unreadable', `The video URL answered HTTP ${response.status}.`);
  }
  // A server that ignores Range sends the whole file: read only what we need, then hang up.
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  while (reader && length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await reader?.cancel();
  return Buffer.concat(chunks).subarray(0, count);
}

/** A sniffed input and the ffmpeg/ffprobe arguments that open it safely. */
export interface VideoInput {
  container: VideoContainer;
  /** `-protocol_whitelist … -f <demuxer> -i <input>`: put these where the input goes. */
  args: string[];
}

// The demuxer for each accepted container. Forcing it (rather than letting ffmpeg guess) keeps
// an upload that is secretly an HLS playlist or concat list from making ffmpeg open other files
// or URLs: the classic ffmpeg file-disclosure / SSRF trick.
const DEMUXERS = { mp4: 'mov', mov: 'mov', webm: 'matroska', mkv: 'matroska' } as const;

/** The ffmpeg input arguments for `input`, already sniffed as `container`. */
export function inputArgs(input: string, container: VideoContainer): string[] {
  const protocols = isUrl(input) ? 'http,https,tls,tcp' : 'file';
  return ['-protocol_whitelist', protocols, '-f', DEMUXERS[container], '-i', input];
}

/**
 * Sniffs `input` by content and returns how to open it. Throws `unreadable` for an empty file
 * (most likely an upload that never finished) and `not_a_video` for anything else unknown.
 */
export async function openVideoInput(input: string): Promise<VideoInput> {
  const head = await readFirstBytes(input);
  if (head.length === 0) {
    throw new MediaError(
      'unreadable',
      'The file is empty (0 bytes): the upload probably did not finish. Please upload it again.',
    );
  }
  const container = sniffVideoContainer(head);
  if (!container) {
    throw new MediaError(
      'not_a_video',
      'This file is not a video Elevate can read. Please upload an MP4, MOV, WebM or MKV video.',
    );
  }
  return { container, args: inputArgs(input, container) };
}
