import { formatTimecode } from '@elevate/timecode';
import type { WatchedSummary } from '../review.types';

/** How much of one clip the teacher has watched, as a bar and in words. */
export function WatchedMeter(props: {
  entry: WatchedSummary['clips'][number] | undefined;
  /** "Theo has" for the coach, "You have" for the teacher. */
  who: string;
}) {
  const { entry } = props;
  if (!entry) return null;
  const percent = Math.max(0, Math.min(100, entry.percent));
  const text = `${props.who} watched ${formatTimecode(entry.watchedMs)} of ${formatTimecode(entry.lengthMs)} (${percent}%)`;
  return (
    <div className="watched">
      <div className="watched__bar" aria-hidden="true">
        <span className="watched__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="small muted">{text}</p>
    </div>
  );
}
