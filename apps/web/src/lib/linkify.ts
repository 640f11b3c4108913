export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; href: string };

// Only web links become anchors: a message body never turns `javascript:` or `data:` into one.
const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
// Sentence punctuation right after a link belongs to the sentence, not the address.
const TRAILING = /[.,;:!?)\]]+$/;

/** Splits plain text into text and http(s) link parts, in order. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const href = raw.replace(TRAILING, '');
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The distinct links of a text, in order of appearance. */
export function linksIn(text: string): string[] {
  return [
    ...new Set(splitLinks(text).flatMap((part) => (part.kind === 'link' ? [part.href] : []))),
  ];
}
