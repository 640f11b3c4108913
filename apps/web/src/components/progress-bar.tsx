import './progress-bar.css';

type Props = {
  /** 0-100. */
  value: number;
  /** What is progressing, e.g. "Upload of lesson.mp4". */
  label: string;
  /** How a screen reader says the value, e.g. "42% uploaded". */
  valueText?: string;
  size?: 'small' | 'medium';
};

/** A determinate progress bar, announced as a progressbar with its value. */
export function ProgressBar({ value, label, valueText, size = 'medium' }: Props) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      className={`progress progress--${size}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText ?? `${clamped}%`}
    >
      <div className="progress__bar" style={{ width: `${clamped}%` }} />
    </div>
  );
}
