/**
 * Drives the rotation: a timer ticks the pure reducer; a click or a key pauses and a second
 * resumes; arrow keys step. Clicks on controls and keys used for navigation are left alone.
 */
import { useCallback, useEffect, useReducer } from 'react';
import { initialRotation, rotationReducer } from '../../app/rotation';

const IGNORED_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'Escape', 'CapsLock', 'ContextMenu']);

export function useRotation(count: number, seconds: number) {
  const [state, dispatch] = useReducer(rotationReducer, undefined, () => initialRotation(performance.now()));
  const duration = seconds * 1000;

  useEffect(() => {
    const timer = window.setInterval(() => dispatch({ type: 'tick', now: performance.now(), duration, count }), 200);
    return () => window.clearInterval(timer);
  }, [duration, count]);

  const step = useCallback((delta: number) => dispatch({ type: 'step', delta, now: performance.now(), count }), [count]);
  const toggle = useCallback(() => dispatch({ type: 'toggle', now: performance.now() }), []);
  const pause = useCallback(() => dispatch({ type: 'pause', now: performance.now() }), []);
  const goto = useCallback((index: number) => dispatch({ type: 'goto', index, now: performance.now() }), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || IGNORED_KEYS.has(e.key) || /^F\d+$/.test(e.key)) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown') step(1);
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') step(-1);
      else if ((e.key === 'Enter' || e.key === ' ') && target?.closest('button, a, [role="button"]')) return;
      else toggle();
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, toggle]);

  const index = count > 0 ? Math.min(state.index, count - 1) : 0;
  return { index, paused: state.paused, spent: state.spent, step, toggle, pause, goto, duration };
}
