import { parseCueTimestamp } from '@elevate/timecode';
import type { TranscriptCue } from '../domain/review';
import type { ProblemField } from '../errors';

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)/;
const MAX_CUES = 20_000;

/**
 * Reads a WebVTT or SRT transcript (what video-call tools export) into cues. Voice
 * tags (`<v Ms Lee>`) and SRT's "Name:" prefixes become speakers; other markup is dropped.
 */
export function parseCaptions(
  text: string,
): { cues: TranscriptCue[]; format: 'vtt' | 'srt' } | { problems: ProblemField[] } {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = clean.startsWith('WEBVTT') ? 'vtt' : 'srt';
  const cues: TranscriptCue[] = [];
  const problems: ProblemField[] = [];
  const blocks = clean.split(/\n{2,}/);
  blocks.forEach((block, index) => {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const at = lines.findIndex((l) => TIMING.test(l));
    if (at < 0) return; // header, NOTE, STYLE, or a cue number alone
    const [, from = '', to = ''] = TIMING.exec(lines[at] as string) ?? [];
    const startMs = parseCueTimestamp(from);
    const endMs = parseCueTimestamp(to);
    if (startMs === undefined || endMs === undefined || endMs < startMs) {
      problems.push({
        path: `$.cues[${index}]`,
        reason: `unreadable timing "${lines[at]?.trim()}"`,
      });
      return;
    }
    let speaker: string | undefined;
    const body = lines
      .slice(at + 1)
      .join('\n')
      .replace(/<v(?:\.[^ >]*)?\s+([^>]+)>/g, (_m, name: string) => {
        speaker ??= name.trim();
        return '';
      })
      .replace(/<[^>]+>/g, '')
      .trim();
    const named = /^([A-Z][\w .'-]{0,40}):\s+(.*)$/s.exec(body);
    const textOnly = speaker === undefined && named ? (named[2] as string) : body;
    if (speaker === undefined && named) speaker = named[1];
    if (!textOnly) return;
    cues.push({ startMs, endMs, text: decodeEntities(textOnly), ...(speaker ? { speaker } : {}) });
  });
  if (problems.length) return { problems };
  if (cues.length === 0)
    return { problems: [{ path: '$', reason: 'no cues found: expected WebVTT or SRT' }] };
  if (cues.length > MAX_CUES)
    return { problems: [{ path: '$', reason: `more than ${MAX_CUES} cues` }] };
  return { cues: cues.sort((a, b) => a.startMs - b.startMs), format };
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&amp;', '&');
}
