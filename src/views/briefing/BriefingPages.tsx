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

type Group =
  | { kind: 'plain'; index: number }
  /** `heading`: the section's heading block, null when the section is continued from the page before. */
  | { kind: 'section'; section: string | null; heading: number | null; items: number[] };

/** A page's blocks grouped into sections. */
function groups(indices: readonly number[], blocks: readonly Block[]): Group[] {
  const out: Group[] = [];
  for (const i of indices) {
    const b = blocks[i]!;
    const last = out[out.length - 1];
    if (b.kind === 'heading') out.push({ kind: 'section', section: b.section, heading: i, items: [] });
    else if (b.kind !== 'item') out.push({ kind: 'plain', index: i });
    else if (last?.kind === 'section' && last.section === b.section) last.items.push(i);
    else out.push({ kind: 'section', section: b.section, heading: null, items: [i] });
  }
  return out;
}

export function BriefingPages({ blocks, continued }: { blocks: readonly Block[]; continued: string }) {
  const { i18n } = useDashboard();
  const measureRef = useRef<HTMLElement>(null);
  // The pages, with the blocks they were laid out for: blocks that changed are measured again
  // (before the browser paints) and never drawn with another list's pages.
  const [layout, setLayout] = useState<{ blocks: readonly Block[]; pages: number[][] } | null>(null);
  const pages = layout?.blocks === blocks ? layout.pages : null;

  useLayoutEffect(() => {
    const measure = () => {
      const root = measureRef.current;
      if (!root) return;
      const available = root.querySelector<HTMLElement>('.sheet-body')!.clientHeight;
      const heights = blocks.map((_, i) => root.querySelector(`[data-block="${i}"]`)?.getBoundingClientRect().height ?? 0);
      // A little room for text set a hair differently in print.
      setLayout({ blocks, pages: paginate(blocks.map((b, i) => ({ ...b, height: heights[i]! })), available - 4) });
    };
    measure();
    // System fonts need no loading; a font that arrives late would change every height.
    let current = true;
    void document.fonts?.ready.then(() => current && measure());
    return () => {
      current = false;
    };
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
      const heading = blocks.find((b) => b.kind === 'heading' && b.section === g.section);
      return (
        <section key={`${g.section}-${g.heading ?? g.items[0]}`} data-section={measuring ? undefined : (heading?.sectionId ?? '')}>
          <h2 {...(measuring && g.heading != null ? { 'data-block': g.heading } : {})}>
            {heading?.node(!measuring)}
            {g.heading != null ? '' : continued}
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
