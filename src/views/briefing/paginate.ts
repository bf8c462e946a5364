/**
 * Laying the briefing's blocks out on A4 sheets, pure: everything on one page when it fits;
 * otherwise pages break between sections: a section that does not fit in what is left of a page
 * starts the next one, unless that would leave much of the page empty (then, like a section taller
 * than a page, it is split between its items, its heading repeated on the next page). A heading
 * never ends a page: it keeps at least its first items with it.
 */

/** A section moves whole to the next page only when less than this share of the page is left. */
export const MOVE_WHEN_LEFT = 0.3;
/** Items a heading keeps with it at the foot of a page (fewer when its section has fewer). */
const KEEP_WITH_HEADING = 2;

export interface PageBlock {
  /** Measured height, in the same unit as the page height. */
  height: number;
  kind: 'head' | 'heading' | 'item' | 'tail';
  /** The section an item or heading belongs to (null for head and tail). */
  section: string | null;
}

/** Units that stay together when they can: the head, each section (heading + items), the tail. */
function units(blocks: readonly PageBlock[]): number[][] {
  const out: number[][] = [];
  blocks.forEach((b, i) => {
    const last = out[out.length - 1];
    const prev = i > 0 ? blocks[i - 1]! : null;
    const joins = last && prev && ((b.kind === 'item' && b.section === prev.section) || (b.kind === 'tail' && prev.kind === 'tail'));
    if (joins) last.push(i);
    else out.push([i]);
  });
  return out;
}

/** Block indices on each page, in order. */
export function paginate(blocks: readonly PageBlock[], pageHeight: number): number[][] {
  const pages: number[][] = [[]];
  let used = 0;
  const current = () => pages[pages.length - 1]!;
  const newPage = (startAt = 0) => {
    if (current().length > 0) pages.push([]);
    used = startAt;
  };
  const place = (i: number) => {
    current().push(i);
    used += blocks[i]!.height;
  };
  for (const unit of units(blocks)) {
    const total = unit.reduce((s, i) => s + blocks[i]!.height, 0);
    if (used + total <= pageHeight) {
      unit.forEach(place);
      continue;
    }
    const [first, ...rest] = unit;
    const left = pageHeight - used;
    if (blocks[first!]!.kind !== 'heading' || (total <= pageHeight && left < MOVE_WHEN_LEFT * pageHeight)) {
      // Breaks between sections: the whole unit on the next page (a head or tail taller than a
      // page cannot be split, and overflows its own page).
      newPage();
      unit.forEach(place);
      continue;
    }
    // Split between items: the heading with its first items here (or on the next page when they
    // do not fit), then item by item; a continuation page starts with the heading again (the
    // renderer repeats it; its height counts there).
    const headingHeight = blocks[first!]!.height;
    const kept = rest.slice(0, KEEP_WITH_HEADING).reduce((s, i) => s + blocks[i]!.height, 0);
    if (used + headingHeight + kept > pageHeight) newPage();
    place(first!);
    let onPage = 0;
    for (const i of rest) {
      if (onPage > 0 && used + blocks[i]!.height > pageHeight) {
        newPage(headingHeight);
        onPage = 0;
      }
      place(i);
      onPage++;
    }
  }
  return pages.filter((p) => p.length > 0);
}
