import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../components/alert';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { SelectField, TextField, useFocusFirstInvalid } from '../../components/form-field';
import { ErrorState, LoadingState } from '../../components/status-panels';
import { TextAreaField } from '../../components/textarea-field';
import { CodePicker } from '../review/annotations/code-picker';
import { NotAvailablePage } from '../session/guards';
import { useViewer } from '../session/session.queries';
import {
  type StockClipDetail,
  type StockClipInput,
  useCreateStockClip,
  useStockClip,
  useUpdateStockClip,
} from './library.queries';
import { codeName, isInverted, levelsOf } from './rubric-labels';
import './library.css';

type Masters = Record<string, { level: string; rationale: string }>;
type Errors = Partial<Record<string, string>>;

/** `/library/new` and `/library/:clipId/edit`: the admin's form for a clip and its master scores. */
export default function StockClipFormPage() {
  const { user } = useViewer();
  const { clipId } = useParams();
  if (user.role !== 'admin') return <NotAvailablePage role={user.role} />;
  return clipId ? <EditClip clipId={clipId} /> : <ClipForm clip={null} />;
}

function EditClip({ clipId }: { clipId: string }) {
  const clip = useStockClip(clipId);
  if (clip.isPending) return <LoadingState label="Loading the stock clip…" />;
  if (!clip.data) return <ErrorState error={clip.error} level={1} />;
  return <ClipForm clip={clip.data} />;
}

function ClipForm({ clip }: { clip: StockClipDetail | null }) {
  const navigate = useNavigate();
  const create = useCreateStockClip();
  const update = useUpdateStockClip(clip?.id ?? '');
  const mutation = clip ? update : create;
  const [fields, setFields] = useState({
    pseudonym: clip?.pseudonym ?? '',
    title: clip?.title ?? '',
    grade: clip?.grade ?? '',
    topic: clip?.topic ?? '',
    description: clip?.description ?? '',
  });
  const [codeIds, setCodeIds] = useState<string[]>(clip?.codeIds ?? []);
  const [masters, setMasters] = useState<Masters>(() =>
    Object.fromEntries(
      (clip?.masterScores ?? []).map((m) => [m.codeId, { level: m.level, rationale: m.rationale }]),
    ),
  );
  const [errors, setErrors] = useState<Errors | null>(null);
  const formRef = useFocusFirstInvalid(errors);
  const heading = clip ? `Edit “${clip.title}”` : 'Add a stock clip';

  const setField = (key: keyof typeof fields) => (value: string) =>
    setFields((prev) => ({ ...prev, [key]: value }));
  const setMaster = (codeId: string, patch: Partial<{ level: string; rationale: string }>) =>
    setMasters((prev) => ({
      ...prev,
      [codeId]: { level: '', rationale: '', ...prev[codeId], ...patch },
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!fields.pseudonym.trim()) found.pseudonym = 'Give the teacher in the clip a pseudonym.';
    if (!fields.title.trim()) found.title = 'Give the clip a title.';
    if (!fields.grade.trim()) found.grade = 'Enter the grade.';
    if (!fields.topic.trim()) found.topic = 'Enter the topic.';
    if (codeIds.length === 0) found.codeIds = 'Choose at least one code.';
    const masterScores = codeIds.flatMap((codeId) => {
      const m = masters[codeId];
      if (!m?.level && !m?.rationale.trim()) return [];
      if (!m.level) found[`level-${codeId}`] = 'Choose the master level, or clear the rationale.';
      if (!m.rationale.trim())
        found[`rationale-${codeId}`] = 'Say why the masters chose this level.';
      return [{ codeId, level: m.level, rationale: m.rationale }];
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const input: StockClipInput = { ...fields, codeIds, masterScores };
    mutation.mutate(input, {
      onSuccess: (saved) => navigate(`/library/${saved.id}`),
      onError: (error) => {
        if (error instanceof ApiError && error.errors.length)
          setErrors(Object.fromEntries(error.errors.map((e) => [pathKey(e.path), e.reason])));
      },
    });
  };

  return (
    <>
      <title>{`${heading} · Elevate`}</title>
      <Breadcrumbs
        items={[
          { label: 'Stock clips', to: '/library' },
          ...(clip ? [{ label: clip.title, to: `/library/${clip.id}` }] : []),
          { label: clip ? 'Edit' : 'New' },
        ]}
      />
      <header className="page-header">
        <h1>{heading}</h1>
        <p className="page-header__lead">
          Use a pseudonym for the teacher in the clip. The master scores stay hidden from a teacher
          until they have submitted their own scores of the clip.
          {!clip && ' You upload the video on the next page.'}
        </p>
      </header>
      <form ref={formRef} className="stock-form" onSubmit={submit} noValidate>
        <div className="stock-form__grid">
          <TextField
            label="Pseudonym"
            value={fields.pseudonym}
            maxLength={120}
            error={errors?.pseudonym}
            onChange={(e) => setField('pseudonym')(e.target.value)}
          />
          <TextField
            label="Title"
            value={fields.title}
            maxLength={200}
            error={errors?.title}
            onChange={(e) => setField('title')(e.target.value)}
          />
          <TextField
            label="Grade"
            value={fields.grade}
            maxLength={40}
            error={errors?.grade}
            onChange={(e) => setField('grade')(e.target.value)}
          />
          <TextField
            label="Topic"
            value={fields.topic}
            maxLength={120}
            error={errors?.topic}
            onChange={(e) => setField('topic')(e.target.value)}
          />
        </div>
        <TextAreaField
          label="Description"
          hint="What happens in the clip, for coaches choosing one."
          value={fields.description}
          maxLength={4000}
          error={errors?.description}
          onChange={(e) => setField('description')(e.target.value)}
        />
        <CodePicker value={codeIds} onChange={setCodeIds} error={errors?.codeIds} />
        {codeIds.length > 0 && (
          <fieldset className="stock-form__masters">
            <legend className="field__label">Master scores</legend>
            {codeIds.map((codeId) => (
              <div key={codeId} className="stock-form__master">
                <h3 className="stock-form__code">{codeName(codeId)}</h3>
                {isInverted(codeId) && (
                  <p className="small muted">On this code a higher level means more errors.</p>
                )}
                <SelectField
                  label={`Master level for ${codeId}`}
                  value={masters[codeId]?.level ?? ''}
                  error={errors?.[`level-${codeId}`]}
                  onChange={(e) => setMaster(codeId, { level: e.target.value })}
                >
                  <option value="">Not scored</option>
                  {levelsOf(codeId).map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.label}
                    </option>
                  ))}
                </SelectField>
                <TextAreaField
                  label={`Rationale for ${codeId}`}
                  value={masters[codeId]?.rationale ?? ''}
                  maxLength={2000}
                  error={errors?.[`rationale-${codeId}`]}
                  onChange={(e) => setMaster(codeId, { rationale: e.target.value })}
                />
              </div>
            ))}
          </fieldset>
        )}
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        <div className="stock-form__actions">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {mutation.isPending ? 'Saving…' : clip ? 'Save changes' : 'Add the clip'}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => navigate(clip ? `/library/${clip.id}` : '/library')}
          >
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}

/** `$.masterScores[0].level` and `$.title` to the form's error keys (best effort). */
function pathKey(path: string): string {
  const field = /^\$\.(\w+)/.exec(path)?.[1] ?? path;
  return field === 'masterScores' ? 'codeIds' : field;
}
