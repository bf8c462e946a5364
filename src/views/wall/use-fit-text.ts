/**
 * A one-line text that may be longer than its box (a page title from the data): its font steps
 * down, never below the wall's legibility floor, until it fits; only then may it wrap. The box
 * keeps its height, so the layout around it never moves.
 */
import { useLayoutEffect, useRef } from 'react';

/** The smallest the text may get, as a share of the viewport height (the wall's floor is 1.6 %). */
const FLOOR_VH = 2.2;

export function useFitText<T extends HTMLElement>(text: string) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      el.style.fontSize = '';
      el.style.whiteSpace = '';
      const start = parseFloat(getComputedStyle(el).fontSize);
      const floor = (window.innerHeight * FLOOR_VH) / 100;
      for (let size = start; el.scrollWidth > el.clientWidth + 1 && size > floor; ) {
        size = Math.max(floor, size * 0.94);
        el.style.fontSize = `${size}px`;
      }
      if (el.scrollWidth > el.clientWidth + 1) el.style.whiteSpace = 'normal';
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [text]);
  return ref;
}
