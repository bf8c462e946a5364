/**
 * The briefing on A4 sheets: every block is measured once, off screen, in a sheet of the printed
 * size, then laid out by paginate.ts and drawn as sheets that print one per page, each saying
 * 第i页/共n页 when there are several. What is on screen is what prints.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import { paginate, type PageBlock } from './paginate';

export interface Block extends PageBlock {
  key: string;
  /** The block's content; `hooks` is false for the measured copy, which carries no data-* hooks for tests. */
  node: (hooks: boolean) => ReactNode;
  /** Items: drawn as a list item with this number (numbering runs on across sheets). */
  number?: number;
  /** Headings: the section's id, for the section element. */
  sectionId?: string;
  /** Attributes of an item (data-briefing-target …), on the sheets only, not on the measured copy. */
  attrs?: Record<string, string>;
}

type Group = { kind: 'plain'; index: number } | { kind: 'section'; id: string; heading: number | null; items: number[] };

/** A page's blocks grouped into sections (a section continued from the page before has no heading block). */
function groups(indices: readonly number[], blocks: readonly Block[]): Group[] {
  const out: Group[] = [];
  const headingOf = (section: string | null) => blocks.findIndex((b) => b.kind === 'heading' && b.section === section);
  for (const i of indices) {
    const b = blocks[i]!;
    const last = out[out.length - 1];
    if (b.kind === 'heading') out.push({ kind: 'section', id: b.sectionId ?? '', heading: i, items: [] });
    else if (b.kind === 'item') {
      if (last?.kind === 'section' && blocks[last.heading ?? headingOf(b.section)]?.section === b.section) last.items.push(i);
      else out.push({ kind: 'section', id: blocks[headingOf(b.section)]?.sectionId ?? '', heading: null, items: [i] });
    } else out.push({ kind: 'plain', index: i });
  }
  return out;
}

export function BriefingPages({ blocks, continued }: { blocks: readonly Block[]; continued: string }) {
  const { i18n } = useDashboard();
  const measureRef = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number[][] | null>(null);

  useLayoutEffect(() => {
    const measure = () => {
      const root = measureRef.current;
      if (!root) return;
      const available = root.querySelector<HTMLElement>('.sheet-body')!.clientHeight;
      const heights = blocks.map((_, i) => root.querySelector(`[data-block="${i}"]`)?.getBoundingClientRect().height ?? 0);
      // A little room for text set a hair differently in print.
      setPages(paginate(blocks.map((b, i) => ({ ...b, height: heights[i]! })), available - 4));
    };
    measure();
    // System fonts need no loading; a font that arrives late would change every height.
    void document.fonts?.ready.then(measure);
  }, [blocks]);

  const draw = (indices: readonly number[], measuring: boolean) =>
    groups(indices, blocks).map((g) => {
      if (g.kind === 'plain') {
        const b = blocks[g.index]!;
        return (
          <div key={b.key} className={`block block-${b.kind}`} {...(measuring ? { 'data-block': g.index } : {})}>
            {b.node(!measuring)}
          </div>
        );
      }
      const heading = g.heading != null ? blocks[g.heading]! : null;
      const first = blocks[g.items[0] ?? -1];
      const title = heading ?? blocks.find((b) => b.kind === 'heading' && b.section === first?.section);
      return (
        <section key={`${g.id}-${g.heading ?? g.items[0]}`} data-section={measuring ? undefined : g.id}>
          <h2 {...(measuring && g.heading != null ? { 'data-block': g.heading } : {})}>
            {title?.node(!measuring)}
            {heading ? '' : continued}
          </h2>
          <ol>
            {g.items.map((i) => {
              const b = blocks[i]!;
              return (
                <li key={b.key} value={b.number} className={b.number == null ? 'plain' : undefined} {...(measuring ? { 'data-block': i } : b.attrs)}>
                  {b.node(!measuring)}
                </li>
              );
            })}
          </ol>
        </section>
      );
    });

  return (
    <>
      <article className="sheet sheet-measure" ref={measureRef} aria-hidden="true">
        <div className="sheet-body">
          <div className="measure-flow">{draw(blocks.map((_, i) => i), true)}</div>
        </div>
        <footer className="sheet-foot" />
      </article>
      {pages?.map((indices, p) => (
        <article className="sheet" key={p} data-sheet={p + 1} data-sheets={pages.length}>
          <div className="sheet-body">{draw(indices, false)}</div>
          <footer className="sheet-foot" data-page-label="">
            {pages.length > 1 ? i18n.t('briefingPage', { i: p + 1, n: pages.length }) : ''}
          </footer>
        </article>
      ))}
    </>
  );
}
