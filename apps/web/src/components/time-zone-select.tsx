import { useMemo } from 'react';
import { isListedTimeZone, timeZoneGroups } from '../lib/time-zones';
import { SelectField } from './form-field';

/** The IANA time zones, by region; times everywhere in Elevate are shown in the chosen one. */
export function TimeZoneSelect({
  value,
  onChange,
  error,
  label = 'Time zone',
  hint = 'Lesson times, meetings and the audit trail are shown in this time zone.',
  disabled,
}: {
  value: string;
  onChange: (timeZone: string) => void;
  error?: string | undefined;
  label?: string;
  hint?: string;
  disabled?: boolean;
}) {
  const groups = useMemo(() => timeZoneGroups(), []);
  return (
    <SelectField
      label={label}
      hint={hint}
      error={error}
      name="timeZone"
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
    >
      {!isListedTimeZone(value) && <option value={value}>{value}</option>}
      {groups.map((group) => (
        <optgroup key={group.region} label={group.region}>
          {group.zones.map((zone) => (
            <option key={zone.id} value={zone.id}>
              {zone.label}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
