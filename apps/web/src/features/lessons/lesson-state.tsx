import type { LessonState } from '../../api/client';

type Tone = 'pending' | 'accent' | 'success' | 'warning' | 'neutral';

/** Each state's badge text and colour, and how it reads to the teacher who owns it. */
const LESSON_STATES: Record<LessonState, { label: string; tone: Tone }> = {
  awaiting_upload: { label: 'Waiting for the recording', tone: 'pending' },
  uploading: { label: 'Uploading', tone: 'accent' },
  processing: { label: 'Processing', tone: 'accent' },
  ready: { label: 'Ready', tone: 'success' },
  not_processed: { label: 'Stored, not processed', tone: 'neutral' },
  failed: { label: 'Failed', tone: 'warning' },
};

/** The lesson's state as a coloured tag (the text says it; the colour only helps). */
export function StateBadge({ state }: { state: LessonState }) {
  const { label, tone } = LESSON_STATES[state];
  return (
    <span className={`tag${tone === 'neutral' ? '' : ` tag--${tone}`} state-badge`}>{label}</span>
  );
}
