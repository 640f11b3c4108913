import { useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { useCycle } from '../cycles/cycle.queries';
import { useViewer } from '../session/session.queries';
import { useGoals, useLog } from './log.queries';
import { LogReadOnly } from './log-read-only';
import './log.css';

/** `/cycles/:cycleId/log/print`: the log as a page to print or save as PDF. */
export default function LogPrintPage() {
  const { cycleId = '' } = useParams();
  const { user } = useViewer();
  const cycle = useCycle(cycleId);
  const log = useLog(cycleId);
  const goals = useGoals(cycle.data?.teacherId ?? '');
  if (cycle.isPending || log.isPending) return <LoadingState label="Loading the log…" />;
  if (cycle.isError) return <ErrorState error={cycle.error} level={1} />;
  if (log.isError) return <ErrorState error={log.error} level={1} />;
  return (
    <article className="log-print">
      <title>{`Log #${log.data.number} · Elevate`}</title>
      <header className="log-print__header">
        <h1>MQI coaching collaborative log</h1>
        <p>
          {cycle.data.teacherName} with {cycle.data.coachName}
          {log.data.completedAt ? '' : ' (in progress)'}
        </p>
        <button type="button" className="button log-print__button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </header>
      <LogReadOnly
        number={log.data.number}
        fields={log.data.fields}
        lessonId={log.data.lessonId}
        goals={goals.data ?? []}
        timeZone={user.timeZone}
      />
    </article>
  );
}
