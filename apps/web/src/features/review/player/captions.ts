import { toVttTimestamp } from '@elevate/timecode';
import type { Cue } from '../review.types';

// WebVTT reserves "-->" in cue text, and "<" / "&" start tags and entities.
const escapeText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeVoice = (speaker: string) => speaker.replace(/[<>&\n]/g, ' ').trim();

/**
 * A WebVTT document from the transcript's cues, whichever format was uploaded, so the
 * player's <track> always gets the format browsers read. Speakers become voice spans.
 */
export function cuesToVtt(cues: readonly Cue[]): string {
  const blocks = cues
    .filter((cue) => cue.endMs > cue.startMs && cue.text.trim() !== '')
    .map((cue, index) => {
      const voice = cue.speaker ? `<v ${escapeVoice(cue.speaker)}>` : '';
      const lines = cue.text.split(/\r?\n/).filter((line) => line.trim() !== '');
      return `${index + 1}\n${toVttTimestamp(cue.startMs)} --> ${toVttTimestamp(cue.endMs)}\n${voice}${lines.map(escapeText).join('\n')}`;
    });
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

/** The cue playing at `ms` (the last one started, when cues overlap), or -1. */
export function activeCueIndex(cues: readonly Cue[], ms: number): number {
  let found = -1;
  for (let i = 0; i < cues.length; i += 1) {
    const cue = cues[i] as Cue;
    if (cue.startMs > ms) break;
    if (ms < cue.endMs) found = i;
  }
  return found;
}
