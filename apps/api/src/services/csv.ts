/**
 * RFC 4180 CSV. Every field is quoted when it needs to be, and a text field that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at its start) is prefixed with an
 * apostrophe; numbers are written as numbers. One record, without its line break.
 */
export function csvLine(row: ReadonlyArray<string | number>): string {
  return row.map(field).join(',');
}

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
