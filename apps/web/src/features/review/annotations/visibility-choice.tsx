import { useId } from 'react';
import type { Visibility } from '../review.types';
import { LockIcon } from './lock-icon';

/** Public (the teacher sees it) or private (a planning note only its author sees). */
export function VisibilityChoice(props: {
  value: Visibility;
  onChange: (visibility: Visibility) => void;
}) {
  const name = useId();
  return (
    <fieldset className="note-form__choice">
      <legend className="field__label">Who sees it</legend>
      <label className="checkbox">
        <input
          type="radio"
          name={name}
          checked={props.value === 'public'}
          onChange={() => props.onChange('public')}
        />
        <span>Public — the teacher sees it</span>
      </label>
      <label className="checkbox">
        <input
          type="radio"
          name={name}
          checked={props.value === 'private'}
          onChange={() => props.onChange('private')}
        />
        <span>
          <LockIcon /> Private — only you
        </span>
      </label>
    </fieldset>
  );
}
