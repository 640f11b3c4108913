import { Link } from 'react-router';
import { ProgressBar } from '../../components/progress-bar';
import type { Cycle } from '../cycles/cycle.queries';

interface TodoItem {
  id: string;
  label: string;
  isDone: boolean;
  to: string;
}

/** The teacher's to-do before the conversation, from the cycle's readiness. */
export function todoItems(cycle: Cycle): TodoItem[] {
  const lesson = cycle.lessonId ?? cycle.lesson?.id;
  const items: TodoItem[] = lesson
    ? [
        {
          id: 'clip1',
          label: 'Watch clip 1',
          isDone: cycle.readiness.clip1Watched,
          to: `/lessons/${lesson}/clips/1`,
        },
        {
          id: 'clip2',
          label: 'Watch clip 2',
          isDone: cycle.readiness.clip2Watched,
          to: `/lessons/${lesson}/clips/2`,
        },
      ]
    : [];
  if (cycle.readiness.stockScored !== null) {
    items.push({
      id: 'stock',
      label: 'Score the stock clip',
      isDone: cycle.readiness.stockScored,
      to: `/cycles/${cycle.id}#stock`,
    });
  }
  return items;
}

/**
 * Clip 1 watched, clip 2 watched, stock clip scored: each with its link and state, and the
 * share done as a progress bar. `who` words it for the teacher ("you") or the coach.
 */
export function WatchingTodo({ cycle, who }: { cycle: Cycle; who: 'teacher' | 'coach' }) {
  const items = todoItems(cycle);
  const done = items.filter((i) => i.isDone).length;
  const heading = who === 'teacher' ? 'Before we meet' : `${cycle.teacherName}'s preparation`;
  return (
    <div className="todo">
      <h3 className="todo__title">{heading}</h3>
      <ProgressBar
        value={items.length ? (done / items.length) * 100 : 0}
        label={heading}
        valueText={`${done} of ${items.length} done`}
        size="small"
      />
      <p className="small muted">
        {done} of {items.length} done
      </p>
      <ul className="todo__list">
        {items.map((item) => (
          <li key={item.id} className={`todo__item${item.isDone ? ' todo__item--done' : ''}`}>
            <span className="todo__mark" aria-hidden="true">
              {item.isDone ? '✓' : '○'}
            </span>
            {who === 'teacher' ? <Link to={item.to}>{item.label}</Link> : item.label}
            <span className="visually-hidden">{item.isDone ? ' (done)' : ' (not done yet)'}</span>
            {item.isDone && <span className="tag tag--success">Done</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
