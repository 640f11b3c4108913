import { describe, expect, it } from 'vitest';
import type { CycleView } from '../domain/cycle';
import { attentionFor } from './caseload-attention';
import { csvLine } from './csv';

const now = new Date('2026-12-01T12:00:00Z');
const cycle = (over: Partial<CycleView>): CycleView =>
  ({
    stage: 'assigned',
    isVideoOverdue: false,
    meetingAt: null,
    videoDueOn: null,
    ...over,
  }) as CycleView;

describe('attentionFor', () => {
  it('reads the derived stage and the dates', () => {
    expect(attentionFor(null, now).reason).toBe('open_next');
    expect(attentionFor(cycle({ stage: 'log_complete' }), now).reason).toBe('open_next');
    expect(attentionFor(cycle({ stage: 'awaiting_video', isVideoOverdue: true }), now).reason).toBe(
      'video_overdue',
    );
    expect(attentionFor(cycle({ meetingAt: '2026-12-03T11:00:00Z' }), now).reason).toBe(
      'meeting_soon',
    );
    expect(attentionFor(cycle({ meetingAt: '2026-12-03T13:00:00Z' }), now).reason).toBe(
      'waiting_for_teacher',
    );
    expect(attentionFor(cycle({ meetingAt: '2026-11-30T13:00:00Z' }), now).reason).toBe(
      'meeting_passed',
    );
    expect(attentionFor(cycle({ stage: 'teacher_ready' }), now)).toEqual({
      reason: 'teacher_ready',
      rank: 1,
    });
  });
});

describe('csvLine', () => {
  it('quotes what needs quoting and disarms spreadsheet formulas, leaving numbers alone', () => {
    expect(csvLine(['x,y', '=1+1', 'say "hi"', -1, 'a\r\nb', '@SUM(A1)'])).toBe(
      `"x,y",'=1+1,"say ""hi""",-1,"a\r\nb",'@SUM(A1)`,
    );
  });
});
