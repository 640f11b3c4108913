import { type RunOptions, runFfprobe } from './ffmpeg';
import { isMediaError, MediaError } from './media-error';
import { openVideoInput } from './media-input';
import { checkReadsToEnd, readEndMs } from './probe-tail';
import type { VideoContainer } from './sniff';

/** What Elevate needs to know about an uploaded video. */
export interface VideoProbe {
  durationMs: number;
  container: VideoContainer;
  video: {
    codec: string;
    /** Display size: already swapped for phone videos recorded in portrait (rotation 90/270). */
    width: number;
    height: number;
    fps: number;
    /** e.g. `yuv420p`; browsers decode only 8-bit 4:2:0 H.264. */
    pixelFormat: string | null;
  };
  audio: { codec: string } | null;
  /** Known for files and for URLs whose server sends a length. */
  sizeBytes?: number;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  pix_fmt?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}
interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { duration?: string; size?: string; start_time?: string };
}

const parseRate = (rate: string | undefined): number => {
  const [num, den] = (rate ?? '').split('/').map(Number);
  return num && den ? Math.round((num / den) * 1000) / 1000 : 0;
};

const rotationOf = (stream: FfprobeStream): number =>
  stream.side_data_list?.find((side) => side.rotation !== undefined)?.rotation ??
  Number(stream.tags?.rotate ?? 0);

/**
 * Reads duration, container, codecs and size of a video file or http(s) URL with ffprobe.
 * Throws a {@link MediaError}: `not_a_video` (text, image, unknown format), `unreadable` (empty,
 * truncated or damaged), `no_video_stream` (audio only), `ffmpeg_missing`, `ffmpeg_failed`.
 */
export async function probeVideo(
  input: string,
  options: Pick<RunOptions, 'signal' | 'timeoutMs'> = {},
): Promise<VideoProbe> {
  const opened = await openVideoInput(input);
  const unreadable = (why: string, cause?: unknown) =>
    new MediaError(
      'unreadable',
      `This video cannot be read (${why}). It may be damaged or \
incompletely uploaded: please upload it again.`,
      { cause },
    );
  let output: FfprobeOutput;
  try {
    const { stdout } = await runFfprobe(
      ['-show_format', '-show_streams', '-of', 'json', ...opened.args],
      { timeoutMs: 30_000, ...options },
    );
    output = JSON.parse(stdout) as FfprobeOutput;
  } catch (err) {
    // The bytes said "video" but ffprobe could not parse it: damaged rather than foreign.
    if (isMediaError(err, 'ffmpeg_failed')) throw unreadable('its structure is invalid', err);
    throw err;
  }
  const streams = output.streams ?? [];
  // Cover art in a music file is a "video" stream too; it is not a picture that moves.
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!video?.codec_name || !video.width || !video.height) {
    throw new MediaError('no_video_stream', 'This file has no picture, only sound or data.');
  }
  // Packet times count from the container's start time, which is not always zero.
  const startMs = Math.max(0, Number(output.format?.start_time ?? 0) * 1000) || 0;
  const declaredMs = Number(output.format?.duration ?? video.duration) * 1000;
  let durationMs: number;
  try {
    if (declaredMs > 0) {
      durationMs = Math.round(declaredMs);
      await checkReadsToEnd(opened.args, startMs + durationMs, options);
    } else {
      // Browser (MediaRecorder) and live WebM files declare no duration: measure it by reading
      // to the last packet, which costs a full read but is the only way to know.
      // Allow for reading ~50 MB/s on top of the usual probe time.
      const timeoutMs = 30_000 + (Number(output.format?.size) || 0) / 50_000;
      const endMs = await readEndMs(opened.args, 0, { timeoutMs, ...options });
      durationMs = Math.round(endMs - startMs);
      if (!(durationMs > 0)) throw new MediaError('unreadable', 'it has no duration');
    }
  } catch (err) {
    // ffprobe failing here means the end of the file is damaged; its own words go to details.
    if (isMediaError(err, 'unreadable')) throw unreadable(err.message, err);
    if (isMediaError(err, 'ffmpeg_failed')) throw unreadable('its end cannot be read', err);
    throw err;
  }
  const quarterTurn = Math.abs(rotationOf(video)) % 180 === 90;
  const size = Number(output.format?.size);
  return {
    durationMs,
    container: opened.container,
    video: {
      codec: video.codec_name,
      width: quarterTurn ? video.height : video.width,
      height: quarterTurn ? video.width : video.height,
      fps: parseRate(video.avg_frame_rate) || parseRate(video.r_frame_rate),
      pixelFormat: video.pix_fmt ?? null,
    },
    audio: audio?.codec_name ? { codec: audio.codec_name } : null,
    ...(size > 0 ? { sizeBytes: size } : {}),
  };
}

// What Chromium and Firefox play in <video>, per container (stack notes: not HEVC). Safari plays
// the MP4 row; WebM only from Safari 14.1 / iOS 17.4 on.
const PLAYABLE = {
  mp4: { video: ['h264', 'vp9', 'av1'], audio: ['aac', 'mp3', 'opus'] },
  webm: { video: ['vp8', 'vp9', 'av1'], audio: ['opus', 'vorbis'] },
} as const;
const PLAYABLE_H264_PIXEL_FORMATS = ['yuv420p', 'yuvj420p'];

/**
 * True when a browser can play the video as stored, so no transcode is needed: H.264, VP8, VP9
 * or AV1 with AAC, MP3, Opus, Vorbis or no audio, in MP4 or WebM. False for HEVC, for MOV (not a
 * web format even when the codecs are), and for 10-bit or 4:2:2 H.264, which browsers reject.
 */
export function isBrowserPlayable(probe: VideoProbe): boolean {
  if (probe.container !== 'mp4' && probe.container !== 'webm') return false;
  const allowed = PLAYABLE[probe.container];
  const videoOk = (allowed.video as readonly string[]).includes(probe.video.codec);
  const audioOk = !probe.audio || (allowed.audio as readonly string[]).includes(probe.audio.codec);
  const pixelsOk =
    probe.video.codec !== 'h264' ||
    PLAYABLE_H264_PIXEL_FORMATS.includes(probe.video.pixelFormat ?? 'yuv420p');
  return videoOk && audioOk && pixelsOk;
}
