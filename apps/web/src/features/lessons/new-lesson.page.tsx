import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsOf } from '../../api/api-error';
import { ErrorAlert } from '../../components/alert';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { TextField, useFocusFirstInvalid } from '../../components/form-field';
import { todayIn } from '../../lib/format-time';
import { PAGES } from '../session/access';
import { useViewer } from '../session/session.queries';
import { DropZone, VIDEO_FORMATS } from '../upload/drop-zone';
import { handOverFile } from '../upload/pending-file';
import { FocusCodePicker } from './focus-code-picker';
import { useCreateLesson } from './lesson.queries';
import './lessons.css';

type Fields = { title: string; taughtOn: string; grade: string; topic: string };
type Errors = Partial<Record<keyof Fields | 'consent' | 'focusCodeIds', string>>;

const GRADES = ['K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

export const CONSENT_REQUIRED =
  'Confirm that the recording follows your school’s recording policy.';

/** What the form checks before asking the API (which checks the same again). */
export function validateLesson(fields: Fields, hasConsent: boolean, today: string): Errors {
  const errors: Errors = {};
  if (!fields.title.trim()) errors.title = 'Give the lesson a title.';
  if (!fields.taughtOn) errors.taughtOn = 'Enter the date you taught the lesson.';
  else if (fields.taughtOn > today) errors.taughtOn = 'The date taught cannot be in the future.';
  if (!fields.grade.trim()) errors.grade = 'Enter the grade you taught.';
  if (!fields.topic.trim()) errors.topic = 'Enter the lesson’s topic.';
  if (!hasConsent) errors.consent = CONSENT_REQUIRED;
  return errors;
}

/**
 * `/lessons/new`: the teacher describes a lesson, confirms the recording policy and may
 * choose the video at once; the lesson page then uploads it (or offers to, later).
 */
export function NewLessonPage() {
  const { user } = useViewer();
  const today = todayIn(user.timeZone);
  const navigate = useNavigate();
  const create = useCreateLesson();
  const gradesId = useId();
  const consentId = useId();
  const [fields, setFields] = useState<Fields>({
    title: '',
    taughtOn: today,
    grade: '',
    topic: '',
  });
  const [focusCodeIds, setFocusCodeIds] = useState<string[]>([]);
  const [hasConsent, setHasConsent] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors | null>(null);
  const formRef = useFocusFirstInvalid(errors);

  const field = (name: keyof Fields) => ({
    name,
    value: fields[name],
    error: errors?.[name],
    onChange: (event: { target: { value: string } }) =>
      setFields((current) => ({ ...current, [name]: event.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateLesson(fields, hasConsent, today);
    setErrors(Object.keys(found).length ? found : null);
    if (Object.keys(found).length) return;
    create.mutate(
      {
        title: fields.title.trim(),
        taughtOn: fields.taughtOn,
        grade: fields.grade.trim(),
        topic: fields.topic.trim(),
        focusCodeIds,
        consent: true,
      },
      {
        onSuccess: (lesson) => {
          if (file) handOverFile(lesson.id, file);
          navigate(`/lessons/${lesson.id}`);
        },
        onError: (error) => {
          const byField = fieldErrorsOf(error) as Errors;
          if (Object.keys(byField).length) setErrors(byField);
        },
      },
    );
  };

  const consentError = errors?.consent;
  return (
    <div className="new-lesson">
      <title>New lesson · Elevate</title>
      <Breadcrumbs
        items={[{ label: PAGES.myLessons.label, to: PAGES.myLessons.to }, { label: 'New lesson' }]}
      />
      <header className="page-header">
        <h1>New lesson</h1>
        <p className="page-header__lead">
          Describe the lesson you filmed, then add its video. Your coach sees it once it is
          uploaded.
        </p>
      </header>
      <div className="new-lesson__layout">
        <form ref={formRef} className="form new-lesson__form" noValidate onSubmit={submit}>
          {create.isError && Object.keys(fieldErrorsOf(create.error)).length === 0 && (
            <ErrorAlert error={create.error} />
          )}
          <TextField
            label="Title"
            placeholder="e.g. Comparing fractions on a number line"
            autoComplete="off"
            maxLength={200}
            required
            {...field('title')}
          />
          <div className="new-lesson__row">
            <TextField
              label="Date taught"
              type="date"
              max={today}
              required
              {...field('taughtOn')}
            />
            <TextField
              label="Grade"
              list={gradesId}
              autoComplete="off"
              maxLength={40}
              placeholder="e.g. 4, or K"
              required
              {...field('grade')}
            />
            <datalist id={gradesId}>
              {GRADES.map((grade) => (
                <option key={grade} value={grade} />
              ))}
            </datalist>
          </div>
          <TextField
            label="Topic"
            placeholder="e.g. Fractions"
            autoComplete="off"
            maxLength={200}
            required
            {...field('topic')}
          />
          <FocusCodePicker
            value={focusCodeIds}
            onChange={setFocusCodeIds}
            error={errors?.focusCodeIds}
          />
          <fieldset className="new-lesson__recording">
            <legend className="field__label">Recording (optional now)</legend>
            <DropZone
              label="Choose the video file"
              hint={`or drop it here · ${VIDEO_FORMATS} · you can also add it later`}
              chosen={file}
              onFile={setFile}
            />
          </fieldset>
          <div className="new-lesson__consent" data-invalid={consentError ? true : undefined}>
            <label className="checkbox">
              <input
                type="checkbox"
                name="consent"
                checked={hasConsent}
                aria-invalid={consentError ? true : undefined}
                aria-describedby={consentError ? `${consentId}-error` : undefined}
                onChange={(event) => setHasConsent(event.target.checked)}
              />
              <span>
                I confirm that this recording follows my school’s recording policy, including any
                permissions it requires from students and families.
              </span>
            </label>
            {consentError && (
              <p id={`${consentId}-error`} className="field__error">
                {consentError}
              </p>
            )}
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : file ? 'Create lesson and upload' : 'Create lesson'}
            </button>
            <Link className="button button--secondary" to={PAGES.myLessons.to}>
              Cancel
            </Link>
          </div>
        </form>
        <NextSteps />
      </div>
    </div>
  );
}

function NextSteps() {
  return (
    <aside className="card new-lesson__aside" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title" className="new-lesson__aside-title">
        What happens next
      </h2>
      <ol className="new-lesson__steps">
        <li>
          <strong>The upload.</strong> The video goes straight to your program’s storage, in parts.
          If the connection drops or the tab closes, it continues where it stopped.
        </li>
        <li>
          <strong>Preparation.</strong> Elevate checks the file and makes its poster and storyboard.
          It takes a few minutes; you can close the page meanwhile.
        </li>
        <li>
          <strong>Your coach watches.</strong> They pick short clips for your next conversation,
          with notes tied to the rubric codes.
        </li>
        <li>
          <strong>It stays yours.</strong> Only you, your coach and the admins your program names
          can see it. Delete it whenever you like; the video goes with it.
        </li>
      </ol>
    </aside>
  );
}
