/**
 * The review's keyboard shortcuts as a pure function from a key event to an action, so
 * each binding is tested without a browser. `use-shortcuts.ts` wires it to the document.
 */

/** The frame the keyboard steps by: recordings are assumed to run at 30 fps. */
export const FRAME_MS = 1000 / 30;

export type ReviewAction =
  | { type: 'togglePlay' }
  | { type: 'seekBy'; ms: number }
  | { type: 'markIn' }
  | { type: 'markOut' }
  | { type: 'newAnnotation' }
  | { type: 'changeRate'; step: 1 | -1 }
  | { type: 'showHelp' };

/** The parts of a KeyboardEvent the decision needs. */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  defaultPrevented?: boolean;
  target?: EventTarget | null;
}

const TYPING_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
  '',
]);

/** True where keys are text: text inputs, text areas, selects, editable content. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    return TYPING_INPUT_TYPES.has((element.getAttribute('type') ?? '').toLowerCase());
  }
  return element.isContentEditable === true || element.getAttribute('contenteditable') === 'true';
}

// Space on a focused button or link presses it; the shortcut must not fire as well.
function isPressable(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'button' || tag === 'a' || tag === 'summary' || tag === 'input') return true;
  const role = element.getAttribute('role');
  return role === 'button' || role === 'checkbox' || role === 'tab' || role === 'option';
}

const BINDINGS: Record<string, ReviewAction> = {
  k: { type: 'togglePlay' },
  j: { type: 'seekBy', ms: -10_000 },
  l: { type: 'seekBy', ms: 10_000 },
  ArrowLeft: { type: 'seekBy', ms: -5_000 },
  ArrowRight: { type: 'seekBy', ms: 5_000 },
  ',': { type: 'seekBy', ms: -FRAME_MS },
  '.': { type: 'seekBy', ms: FRAME_MS },
  i: { type: 'markIn' },
  o: { type: 'markOut' },
  n: { type: 'newAnnotation' },
  '<': { type: 'changeRate', step: -1 },
  '>': { type: 'changeRate', step: 1 },
  '?': { type: 'showHelp' },
};

/**
 * The action a key press asks for, or null: none while typing, none with Ctrl, Cmd or Alt
 * (those are the browser's), none for a key a control already handled (a slider's arrows).
 */
export function actionForKey(event: KeyInput): ReviewAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  if (event.key === ' ' || event.key === 'Spacebar') {
    return isPressable(event.target) ? null : { type: 'togglePlay' };
  }
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  // '<' and '>' are shifted keys; lower-casing leaves them alone.
  return BINDINGS[key] ?? null;
}

/** Playback speeds offered, slowest first. */
export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The next speed up or down from `current`, staying within 0.5x-2x. */
export function nextRate(current: number, step: 1 | -1): number {
  const epsilon = 1e-9;
  if (step === 1) return RATES.find((rate) => rate > current + epsilon) ?? 2;
  return [...RATES].reverse().find((rate) => rate < current - epsilon) ?? 0.5;
}

/** What the `?` overlay lists. `editorOnly` rows are shown to those who can set clips. */
export const SHORTCUT_HELP: ReadonlyArray<{ keys: string[]; label: string; editorOnly?: boolean }> =
  [
    { keys: ['Space', 'K'], label: 'Play or pause' },
    { keys: ['J', 'L'], label: 'Back or forward 10 seconds' },
    { keys: ['←', '→'], label: 'Back or forward 5 seconds' },
    { keys: [',', '.'], label: 'Back or forward one frame' },
    { keys: ['<', '>'], label: 'Slower or faster (0.5x to 2x)' },
    {
      keys: ['I', 'O'],
      label: 'Set the selected clip’s in or out point at the playhead',
      editorOnly: true,
    },
    { keys: ['N'], label: 'New annotation at the playhead', editorOnly: true },
    { keys: ['?'], label: 'Show this list' },
  ];
