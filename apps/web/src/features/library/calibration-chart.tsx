import { useId } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/status-panels';
import { AGREEMENT_LABELS, type AgreementKind } from './agreement-text';
import { type Calibration, useCalibration } from './library.queries';
import './library.css';

const KINDS: readonly AgreementKind[] = ['exact', 'adjacent', 'off'];
const BAR = 28;
const GAP = 20;
const HEIGHT = 120;
const AXIS = 24;

/** "5 of 8 codes (63%) exactly as the masters scored them, 2 within one level." */
export function calibrationSummary(c: Calibration): string {
  const { exact, adjacent, compared } = c.totals;
  if (compared === 0) return 'No submitted stock-clip scores to compare yet.';
  const share = Math.round((exact / compared) * 100);
  const cycles = c.cycles.length === 1 ? '1 cycle' : `${c.cycles.length} cycles`;
  return `Across ${cycles}, ${exact} of ${compared} codes (${share}%) were scored exactly as the masters scored them, and ${adjacent} more within one level.`;
}

/**
 * A teacher's agreement with the master scores across cycles: one stacked bar per cycle
 * (exact, adjacent, off), a sentence that sums it up, and the same numbers as a table for
 * anyone who does not read the picture. Used on the teacher's home and the coach's
 * page of that teacher.
 */
export function CalibrationChart({ teacherId }: { teacherId: string }) {
  const calibration = useCalibration(teacherId);
  if (calibration.isPending) return <LoadingState label="Loading calibration…" />;
  if (!calibration.data) {
    return (
      <ErrorState error={calibration.error} level={3} onRetry={() => void calibration.refetch()} />
    );
  }
  const data = calibration.data;
  if (data.cycles.length === 0) {
    return (
      <EmptyState title="No calibration yet" level={3}>
        <p className="status__text">
          Each cycle the teacher scores a stock clip; once submitted, the scores are compared with
          the master scores and their agreement shows here, cycle by cycle.
        </p>
      </EmptyState>
    );
  }
  return <Chart data={data} />;
}

function Chart({ data }: { data: Calibration }) {
  const id = useId();
  const max = Math.max(1, ...data.cycles.map((c) => c.tally.compared));
  const width = data.cycles.length * (BAR + GAP) + GAP;
  const unit = HEIGHT / max;
  return (
    <figure className="calibration">
      <figcaption id={`${id}-summary`} className="calibration__summary">
        {calibrationSummary(data)}
      </figcaption>
      <ul className="calibration__legend" aria-hidden="true">
        {KINDS.map((kind) => (
          <li key={kind}>
            <span className="calibration__swatch" data-kind={kind} /> {AGREEMENT_LABELS[kind]}
          </li>
        ))}
      </ul>
      <svg
        className="calibration__svg"
        viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        preserveAspectRatio="xMinYMid meet"
        style={{ maxWidth: `${width * 2}px` }}
      >
        <title id={`${id}-title`}>Agreement with the master scores, cycle by cycle</title>
        <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} className="calibration__axis" />
        {data.cycles.map((cycle, i) => {
          const x = GAP + i * (BAR + GAP);
          let top = HEIGHT;
          return (
            <g key={cycle.cycleId}>
              {KINDS.map((kind) => {
                const h = cycle.tally[kind] * unit;
                top -= h;
                return h > 0 ? (
                  <rect
                    key={kind}
                    x={x}
                    y={top}
                    width={BAR}
                    height={h}
                    className="calibration__bar"
                    data-kind={kind}
                  >
                    <title>{`Cycle ${cycle.number}: ${cycle.tally[kind]} ${AGREEMENT_LABELS[kind].toLowerCase()}`}</title>
                  </rect>
                ) : null;
              })}
              <text
                x={x + BAR / 2}
                y={HEIGHT + 16}
                textAnchor="middle"
                className="calibration__label"
              >
                {cycle.number}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="calibration__details">
        <summary>Show the numbers as a table</summary>
        <table className="table">
          <caption className="visually-hidden">Agreement per cycle</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Stock clip</th>
              {KINDS.map((kind) => (
                <th key={kind} scope="col">
                  {AGREEMENT_LABELS[kind]}
                </th>
              ))}
              <th scope="col">Codes compared</th>
            </tr>
          </thead>
          <tbody>
            {data.cycles.map((cycle) => (
              <tr key={cycle.cycleId}>
                <th scope="row">Cycle {cycle.number}</th>
                <td>
                  {cycle.clip ? `${cycle.clip.pseudonym}: ${cycle.clip.title}` : 'Removed clip'}
                </td>
                {KINDS.map((kind) => (
                  <td key={kind}>{cycle.tally[kind]}</td>
                ))}
                <td>{cycle.tally.compared}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                All cycles
              </th>
              {KINDS.map((kind) => (
                <td key={kind}>{data.totals[kind]}</td>
              ))}
              <td>{data.totals.compared}</td>
            </tr>
          </tfoot>
        </table>
      </details>
    </figure>
  );
}
