import { useEffect, useRef } from 'react';
import { actionForKey, type ReviewAction } from './shortcuts';

/**
 * Listens for the review's shortcuts on the whole page and hands each action to `onAction`
 * (which returns false for actions it does not take, so the key keeps its usual meaning).
 * Keys typed into inputs, pressed with Ctrl/Cmd/Alt, or already handled by a focused
 * control (a slider's arrows) are left alone.
 */
export function useShortcuts(onAction: (action: ReviewAction) => boolean, enabled = true): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // A modal dialog (the shortcut list, a confirmation) owns the keyboard while open.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const action = actionForKey(event);
      if (action && handler.current(action)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
