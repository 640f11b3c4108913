import { describe, expect, it } from 'vitest';
import { actionForKey, FRAME_MS, isTypingTarget, nextRate } from './shortcuts';

const el = (html: string) => {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild as HTMLElement;
};
const press = (key: string, extra: Record<string, unknown> = {}) =>
  actionForKey({ key, target: document.body, ...extra });

describe('keyboard shortcuts', () => {
  it('maps each key to its action', () => {
    expect(press(' ')).toEqual({ type: 'togglePlay' });
    expect(press('k')).toEqual({ type: 'togglePlay' });
    expect(press('K')).toEqual({ type: 'togglePlay' });
    expect(press('j')).toEqual({ type: 'seekBy', ms: -10_000 });
    expect(press('l')).toEqual({ type: 'seekBy', ms: 10_000 });
    expect(press('ArrowLeft')).toEqual({ type: 'seekBy', ms: -5_000 });
    expect(press('ArrowRight')).toEqual({ type: 'seekBy', ms: 5_000 });
    expect(press(',')).toEqual({ type: 'seekBy', ms: -FRAME_MS });
    expect(press('.')).toEqual({ type: 'seekBy', ms: FRAME_MS });
    expect(press('i')).toEqual({ type: 'markIn' });
    expect(press('o')).toEqual({ type: 'markOut' });
    expect(press('n')).toEqual({ type: 'newAnnotation' });
    expect(press('<')).toEqual({ type: 'changeRate', step: -1 });
    expect(press('>')).toEqual({ type: 'changeRate', step: 1 });
    expect(press('?')).toEqual({ type: 'showHelp' });
    expect(FRAME_MS).toBeCloseTo(33.33, 1);
  });

  it('leaves other keys and browser shortcuts alone', () => {
    expect(press('x')).toBeNull();
    expect(press('Enter')).toBeNull();
    expect(press('k', { ctrlKey: true })).toBeNull();
    expect(press('l', { metaKey: true })).toBeNull();
    expect(press('j', { altKey: true })).toBeNull();
  });

  it('is off while typing in inputs, text areas, selects and editable text', () => {
    for (const html of [
      '<input>',
      '<input type="text">',
      '<input type="search">',
      '<textarea></textarea>',
      '<select></select>',
      '<div contenteditable="true"></div>',
    ]) {
      const target = el(html);
      expect(isTypingTarget(target), html).toBe(true);
      expect(actionForKey({ key: 'k', target }), html).toBeNull();
      expect(actionForKey({ key: ' ', target }), html).toBeNull();
    }
    expect(isTypingTarget(el('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(el('<button></button>'))).toBe(false);
  });

  it('lets Space press a focused button, and a focused slider keep its arrows', () => {
    expect(actionForKey({ key: ' ', target: el('<button>Save</button>') })).toBeNull();
    expect(actionForKey({ key: 'k', target: el('<button>Save</button>') })).toEqual({
      type: 'togglePlay',
    });
    // A slider handles its own arrows and marks the event as handled.
    expect(
      actionForKey({ key: 'ArrowLeft', defaultPrevented: true, target: document.body }),
    ).toBeNull();
  });

  it('steps the speed between 0.5x and 2x', () => {
    expect(nextRate(1, 1)).toBe(1.25);
    expect(nextRate(1, -1)).toBe(0.75);
    expect(nextRate(2, 1)).toBe(2);
    expect(nextRate(0.5, -1)).toBe(0.5);
    expect(nextRate(1.1, 1)).toBe(1.25);
    expect(nextRate(1.1, -1)).toBe(1);
  });
});
