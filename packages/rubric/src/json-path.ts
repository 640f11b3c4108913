const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats a path (as in zod issues) the way people read JSON: `$.codes[3].scaleId`.
 * Keys that are not plain identifiers (e.g. the level id `not-present`) use bracket
 * notation, `$.codes[3].levelDescriptions["not-present"]`, so the path stays unambiguous.
 */
export function toJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}
