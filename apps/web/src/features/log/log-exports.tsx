import { Link } from 'react-router';

/** The log as a printable page and as Markdown; the next meeting for a calendar. */
export function LogExports({ cycleId, hasMeeting }: { cycleId: string; hasMeeting: boolean }) {
  const id = encodeURIComponent(cycleId);
  return (
    <nav className="log-exports" aria-label="Export the log">
      <p className="log-exports__title">Export (the last saved version)</p>
      <ul className="log-exports__list">
        <li>
          <Link to={`/cycles/${id}/log/print`}>Printable page</Link>
        </li>
        <li>
          <a href={`/api/cycles/${id}/log/export.md`} download>
            Markdown file
          </a>
        </li>
        <li>
          {hasMeeting ? (
            <a href={`/api/cycles/${id}/log/next-meeting.ics`} download>
              Next meeting for your calendar (.ics)
            </a>
          ) : (
            <span className="muted">Calendar event: set and save the next meeting first.</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
