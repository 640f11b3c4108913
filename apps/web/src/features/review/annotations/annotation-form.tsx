import { type FormEvent, useEffect, useRef, useState } from 'react';
import { fieldErrorsOf } from '../../../api/api-error';
import { ErrorAlert } from '../../../components/alert';
import { TextAreaField } from '../../../components/textarea-field';
import { TimecodeInput } from '../clips/timecode-input';
import type { MediaController } from '../player/media-controller';
import { useSaveAnnotation } from '../review.mutations';
import type { Annotation, AnnotationInput, Visibility } from '../review.types';
import { usePauseWhileTyping } from '../review-settings';
import { CodePicker } from './code-picker';
import { VisibilityChoice } from './visibility-choice';
import './note-form.css';

type Props = {
  lessonId: string;
  /** The note to edit; a new note otherwise. */
  annotation?: Annotation;
  /** Where a new note starts (the playhead when it was asked for). */
  startMs: number;
  durationMs: number;
  playheadMs: () => number;
  controller: MediaController | null;
  onClose: () => void;
};

const blankToNull = (text: string) => (text.trim() ? text.trim() : null);

/**
 * A coach's note: at a moment or over a range, public or private, with a body, rubric
 * codes and the planning guide's optional guiding fields. The video pauses at the first
 * keystroke (a setting) and plays on once the note is saved.
 */
export function AnnotationForm(props: Props) {
  const existing = props.annotation;
  const save = useSaveAnnotation(props.lessonId);
  const pause = usePauseWhileTyping(props.controller);
  const [visibility, setVisibility] = useState<Visibility>(existing?.visibility ?? 'public');
  const [startMs, setStartMs] = useState(existing?.startMs ?? props.startMs);
  const [endMs, setEndMs] = useState<number | null>(existing?.endMs ?? null);
  const [body, setBody] = useState(existing?.body ?? '');
  const [codeIds, setCodeIds] = useState<string[]>(existing?.codeIds ?? []);
  const [teacherDoes, setTeacherDoes] = useState(existing?.teacherDoes ?? '');
  const [studentsDo, setStudentsDo] = useState(existing?.studentsDo ?? '');
  const [rubricRelation, setRubricRelation] = useState(existing?.rubricRelation ?? '');
  const [isSubmitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Asked for with N or a button: the cursor goes straight to the note's text.
  useEffect(() => {
    formRef.current?.querySelector('textarea')?.focus();
  }, []);
  const server = fieldErrorsOf(save.error);
  const errors = {
    body: isSubmitted && !body.trim() ? 'Write what you noticed.' : server.body,
    startMs: startMs > props.durationMs ? 'Past the end of the lesson.' : server.startMs,
    endMs:
      endMs !== null && endMs <= startMs
        ? 'Must be after the start.'
        : endMs !== null && endMs > props.durationMs
          ? 'Past the end of the lesson.'
          : server.endMs,
    codeIds: server.codeIds,
  };
  const close = () => {
    pause.onDone();
    props.onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!body.trim() || errors.startMs || errors.endMs) return;
    const input: AnnotationInput = {
      visibility,
      startMs,
      endMs,
      body: body.trim(),
      codeIds,
      teacherDoes: blankToNull(teacherDoes),
      studentsDo: blankToNull(studentsDo),
      rubricRelation: blankToNull(rubricRelation),
    };
    save.mutate({ ...(existing ? { id: existing.id } : {}), input }, { onSuccess: close });
  };

  const title = existing ? 'Edit annotation' : 'New annotation';
  const hasGuide = Boolean(teacherDoes || studentsDo || rubricRelation);
  return (
    <form
      ref={formRef}
      className={`note-form${visibility === 'private' ? ' note-form--private' : ''}`}
      aria-label={title}
      onSubmit={onSubmit}
      onInput={pause.onTyping}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
      noValidate
    >
      <p className="note-form__title">{title}</p>
      <VisibilityChoice value={visibility} onChange={setVisibility} />
      <div className="note-form__times">
        <TimecodeInput label="At" valueMs={startMs} onCommit={setStartMs} error={errors.startMs}>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setStartMs(Math.round(props.playheadMs()))}
          >
            Playhead
          </button>
        </TimecodeInput>
        {endMs === null ? (
          <button
            type="button"
            className="button button--secondary button--small note-form__range"
            onClick={() =>
              setEndMs(Math.min(props.durationMs, Math.max(props.playheadMs(), startMs + 10_000)))
            }
          >
            Make it a range
          </button>
        ) : (
          <TimecodeInput label="Until" valueMs={endMs} onCommit={setEndMs} error={errors.endMs}>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setEndMs(Math.round(props.playheadMs()))}
            >
              Playhead
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setEndMs(null)}
            >
              A moment
            </button>
          </TimecodeInput>
        )}
      </div>
      <TextAreaField
        label="Annotation"
        value={body}
        maxLength={5000}
        error={errors.body}
        onChange={(event) => setBody(event.target.value)}
      />
      <CodePicker value={codeIds} onChange={setCodeIds} error={errors.codeIds} />
      <details className="note-form__guide" open={hasGuide}>
        <summary>Guiding questions (optional)</summary>
        <TextAreaField
          label="What does the teacher do and say?"
          rows={2}
          value={teacherDoes}
          onChange={(e) => setTeacherDoes(e.target.value)}
        />
        <TextAreaField
          label="What do the students do and say?"
          rows={2}
          value={studentsDo}
          onChange={(e) => setStudentsDo(e.target.value)}
        />
        <TextAreaField
          label="Relationship to the rubric?"
          rows={2}
          value={rubricRelation}
          onChange={(e) => setRubricRelation(e.target.value)}
        />
      </details>
      {save.isError && Object.keys(server).length === 0 && <ErrorAlert error={save.error} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : existing ? 'Save changes' : 'Save annotation'}
        </button>
        <button type="button" className="button button--secondary" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
