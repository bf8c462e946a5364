/**
 * Which of the table's columns fold into the row's detail so the table fits its panel: measured,
 * not guessed, so it holds for either language, any data and any panel width. Columns fold one
 * step at a time, least important first, until the table is no wider than its box, and, for the
 * first `nameSteps` steps, until no name is cut at its two lines; when the box grows or the content
 * changes, everything is tried again. Runs before paint (layout effects), so the reader never sees
 * a table wider than its panel.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * `steps`: how many fold steps there are. Returns the number taken (0 = every column shown) and
 * whether the table is still too wide after all of them (the box then scrolls on its own).
 */
export function useFitColumns(
  box: RefObject<HTMLElement | null>,
  table: RefObject<HTMLElement | null>,
  steps: number,
  nameSteps: number,
  content: unknown,
): { folded: number; overflowing: boolean } {
  const [folded, setFolded] = useState(0);
  const [overflowing, setOverflowing] = useState(false);
  const [width, setWidth] = useState(0);
  const seen = useRef<{ width: number; content: unknown }>({ width: 0, content });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);

  // After each change of room, content or folding: start over when there is more room or other
  // content, else fold one more step while the table is wider than its box (or cuts a name).
  useLayoutEffect(() => {
    const last = seen.current;
    const retry = width > last.width || content !== last.content;
    seen.current = { width, content };
    if (retry && (folded > 0 || overflowing)) {
      setFolded(0);
      setOverflowing(false);
      return;
    }
    const wide = tooWide(box.current, table.current);
    if ((wide && folded < steps) || (folded < nameSteps && namesCut(table.current))) setFolded(folded + 1);
    else if (wide !== overflowing && folded >= steps) setOverflowing(wide);
  }, [width, content, folded, overflowing, box, table, steps, nameSteps]);

  return { folded, overflowing };
}

/** A name longer than its two lines (the clamp hides the rest). */
function namesCut(table: HTMLElement | null): boolean {
  if (!table) return false;
  for (const el of table.querySelectorAll<HTMLElement>('.row-name')) if (el.scrollHeight > el.clientHeight + 1) return true;
  return false;
}

function tooWide(box: HTMLElement | null, table: HTMLElement | null): boolean {
  return box != null && table != null && table.getBoundingClientRect().width > box.clientWidth + 0.5;
}
