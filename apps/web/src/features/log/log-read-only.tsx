import { formatCalendarDate, formatDateTime } from '../../lib/format-time';
import type { Goal, LogFields } from './log.queries';
import { codeName, FIELD_LABELS, TEXT_FIELDS } from './log-format';
import { LinkList } from './log-links';

/**
 * A log's fields as text, laid out like the program's log form: for earlier versions and
 * the printable page. People's words render as text (React escapes them).
 */
export function LogReadOnly(props: {
  number: number;
  fields: LogFields;
  lessonId: string | null;
  goals: readonly Goal[];
  timeZone: string;
}) {
  const { fields: f, goals, timeZone } = props;
  const date = (value: string | null) => (value ? formatCalendarDate(value) : 'Not set');
  const linked = f.goalIds
    .map((id) => goals.find((g) => g.id === id))
    .filter((g) => g !== undefined);
  return (
    <div className="log-read">
      <p className="log-read__number">Coaching conversation #{props.number}</p>
      <dl className="log-read__facts">
        <dt>{FIELD_LABELS.lessonDate}</dt>
        <dd>{date(f.lessonDate)}</dd>
        <dt>{FIELD_LABELS.conversationDate}</dt>
        <dd>{date(f.conversationDate)}</dd>
        <dt>{FIELD_LABELS.focusCodeIds}</dt>
        <dd>{f.focusCodeIds.length ? f.focusCodeIds.map(codeName).join('; ') : 'None'}</dd>
        {linked.length > 0 && (
          <>
            <dt>{FIELD_LABELS.goalIds}</dt>
            <dd>
              <ul className="log-read__goals">
                {linked.map((g) => (
                  <li key={g.id}>
                    {g.codeId}: {g.text}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {TEXT_FIELDS.map((field) => (
        <section key={field} className="log-read__entry">
          <h3 className="log-read__label">{FIELD_LABELS[field]}</h3>
          <p className="log-read__text">{f[field].trim() || 'Nothing written.'}</p>
          {props.lessonId && (
            <LinkList
              lessonId={props.lessonId}
              links={f.links.filter((link) => link.field === field)}
            />
          )}
        </section>
      ))}
      <dl className="log-read__facts">
        <dt>{FIELD_LABELS.nextVideoDueOn}</dt>
        <dd>{date(f.nextVideoDueOn)}</dd>
        <dt>{FIELD_LABELS.nextMeetingAt}</dt>
        <dd>
          {f.nextMeetingAt
            ? `${formatDateTime(f.nextMeetingAt, timeZone)} (${timeZone})`
            : 'Not set'}
        </dd>
      </dl>
    </div>
  );
}
