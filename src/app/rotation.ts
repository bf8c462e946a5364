/**
 * The wall's page rotation as a pure state machine with time passed in, so it can be tested
 * without timers: pages advance after `duration` ms, pause and resume keep the time already spent,
 * and stepping starts the new page's full time.
 */

export interface RotationState {
  index: number;
  paused: boolean;
  /** ms already spent on this page before the current running segment. */
  spent: number;
  /** When the current running segment started (ms). */
  since: number;
}

export type RotationAction =
  | { type: 'tick'; now: number; duration: number; count: number }
  | { type: 'toggle'; now: number }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'step'; delta: number; now: number; count: number }
  | { type: 'goto'; index: number; now: number };

export const initialRotation = (now: number): RotationState => ({ index: 0, paused: false, spent: 0, since: now });

const wrap = (i: number, count: number) => (count <= 0 ? 0 : ((i % count) + count) % count);

/** Time spent on the current page, in ms. */
export function elapsed(s: RotationState, now: number): number {
  return s.spent + (s.paused ? 0 : Math.max(0, now - s.since));
}

export function rotationReducer(s: RotationState, a: RotationAction): RotationState {
  switch (a.type) {
    case 'tick':
      if (s.paused || a.count <= 1 || elapsed(s, a.now) < a.duration) return s;
      return { index: wrap(s.index + 1, a.count), paused: false, spent: 0, since: a.now };
    case 'pause':
      return s.paused ? s : { ...s, paused: true, spent: elapsed(s, a.now) };
    case 'resume':
      return s.paused ? { ...s, paused: false, since: a.now } : s;
    case 'toggle':
      return rotationReducer(s, { type: s.paused ? 'resume' : 'pause', now: a.now });
    case 'step':
      return { ...s, index: wrap(s.index + a.delta, a.count), spent: 0, since: a.now };
    case 'goto':
      return { ...s, index: a.index, spent: 0, since: a.now };
  }
}
