import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/alert';
import { SelectField, TextField } from '../../components/form-field';
import { fromZonedInput, toZonedInput } from '../../lib/zoned-time';
import { FocusCodePicker } from '../lessons/focus-code-picker';
import { useLessons } from '../lessons/lesson.queries';
import { useViewer } from '../session/session.queries';
import { type Cycle, useUpdateCycle } from './cycle.queries';

/** The coach's settings of a cycle: its lesson, dates and focus codes. */
export function CycleSettings({ cycle }: { cycle: Cycle }) {
  const { user } = useViewer();
  const lessons = useLessons();
  const update = useUpdateCycle(cycle.id);
  const [lessonId, setLessonId] = useState(cycle.lessonId ?? '');
  const [videoDueOn, setVideoDueOn] = useState(cycle.videoDueOn ?? '');
  const [meeting, setMeeting] = useState(toZonedInput(cycle.meetingAt, user.timeZone));
  const [focusCodeIds, setFocusCodeIds] = useState<string[]>(cycle.focusCodeIds);
  const [isSaved, setIsSaved] = useState(false);
  const teacherLessons = (lessons.data ?? []).filter((l) => l.teacherId === cycle.teacherId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsSaved(false);
    update.mutate(
      {
        lessonId: lessonId || null,
        videoDueOn: videoDueOn || null,
        meetingAt: fromZonedInput(meeting, user.timeZone),
        focusCodeIds,
      },
      { onSuccess: () => setIsSaved(true) },
    );
  };

  return (
    <form className="card cycle-settings" aria-labelledby="cycle-settings" onSubmit={submit}>
      <h2 id="cycle-settings" className="card__title">
        Cycle settings
      </h2>
      <SelectField
        label="Lesson under review"
        value={lessonId}
        onChange={(e) => setLessonId(e.target.value)}
        hint="A lesson the teacher uploads while the cycle waits for video is linked on its own."
      >
        <option value="">No lesson yet</option>
        {teacherLessons.map((l) => (
          <option key={l.id} value={l.id}>
            {l.title} ({l.taughtOn})
          </option>
        ))}
      </SelectField>
      <TextField
        label="Video due"
        type="date"
        value={videoDueOn}
        onChange={(e) => setVideoDueOn(e.target.value)}
      />
      <TextField
        label="Meeting"
        type="datetime-local"
        value={meeting}
        onChange={(e) => setMeeting(e.target.value)}
        hint={`Your time zone: ${user.timeZone}. The teacher sees it in theirs.`}
      />
      <FocusCodePicker value={focusCodeIds} onChange={setFocusCodeIds} />
      <div className="cycle-settings__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
        <span role="status" className="muted small">
          {isSaved && !update.isPending ? 'Saved.' : ''}
        </span>
      </div>
      {update.isError && <ErrorAlert error={update.error} />}
    </form>
  );
}
