/**
 * The wall screen: pages that rotate by themselves (?rotate=, ?pages=, ?cycle=), a progress bar to
 * the next page, a header that says how fresh the data is, dark and sized from the viewport.
 * A click or a key pauses and a second resumes; arrow keys step; a click on a district opens it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useDashboard } from '../../app/dashboard-context';
import type { WallPage } from '../../app/wall-pages';
import { WALL_THEME } from '../../charts/theme';
import { areaName } from '../panels/labels';
import { useViewportFont } from '../panels/use-viewport-font';
import { DistrictPage, DistrictsPage, GroupPage, OverviewPage, SourcesPage } from './pages/WallPages';
import { useRotation } from './use-rotation';
import { useWallData, type WallData } from './use-wall-data';
import { useWallPlan, type WallPlan } from './use-wall-plan';
import { WallHeader } from './WallHeader';

const IDLE_CURSOR_MS = 3000;

export function WallView() {
  const { i18n, catalog, state } = useDashboard();
  const { lang } = i18n;
  const wall = useWallData();
  const font = useViewportFont(0.021, 10);
  const theme = useMemo(() => ({ ...WALL_THEME, font }), [font]);
  // A notice under the header takes height from the pages: the plan lays them out in what is left.
  const [noticeHeight, setNoticeHeight] = useState(0);
  const noticeRef = useCallback(
    (el: HTMLParagraphElement | null) => setNoticeHeight(el ? el.getBoundingClientRect().height : 0),
    [],
  );
  const plan = useWallPlan(wall.data, font, noticeHeight);
  const { pages } = plan;

  const rotation = useRotation(pages.length, state.rotate);
  const { toggle, pause } = rotation;
  // A district opened by a click shows until the rotation is resumed or stepped.
  const [opened, setOpened] = useState<string | null>(null);
  const lastIndex = useRef(rotation.index);
  useEffect(() => {
    if (lastIndex.current !== rotation.index) setOpened(null);
    lastIndex.current = rotation.index;
  }, [rotation.index]);
  useEffect(() => {
    if (!rotation.paused) setOpened(null);
  }, [rotation.paused]);

  const openDistrict = useCallback(
    (code: string) => {
      setOpened(code);
      pause();
    },
    [pause],
  );

  // The cursor hides when the mouse is idle: nobody should see it on a wall.
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = window.setTimeout(() => setIdle(true), IDLE_CURSOR_MS);
    const wake = () => {
      setIdle(false);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setIdle(true), IDLE_CURSOR_MS);
    };
    window.addEventListener('mousemove', wake);
    return () => {
      window.removeEventListener('mousemove', wake);
      window.clearTimeout(timer);
    };
  }, []);

  const page: WallPage | undefined = opened
    ? { kind: 'district', id: `district-${opened}`, base: `district-${opened}`, areaCode: opened, sheet: 0, sheets: 1 }
    : pages[rotation.index];
  const title = page ? pageTitle(page, catalog, lang, i18n.t) : '';
  const showSample = wall.data ? sampleShown(wall.data, page) : false;
  const unknownPages = state.pages?.filter((id) => !pages.some((p) => p.id === id || p.base === id)) ?? [];

  const onClick = (e: MouseEvent) => {
    // Controls and chart items handle their own clicks.
    if ((e.target as HTMLElement).closest('button, a, select, input, [data-chart]')) return;
    toggle();
  };

  return (
    <main
      className={`wall${idle ? ' cursor-idle' : ''}`}
      data-page={page?.id ?? ''}
      data-page-index={rotation.index}
      data-page-count={pages.length}
      data-pages={pages.map((p) => p.id).join(',')}
      data-paused={rotation.paused ? 'true' : 'false'}
      onClick={onClick}
    >
      <WallHeader pageTitle={title} showSample={showSample} paused={rotation.paused} onTogglePause={toggle} />
      {unknownPages.length > 0 && (
        <p className="wall-notice" role="status" ref={noticeRef}>
          {i18n.t('unknownPages', { value: unknownPages.join(', ') })}
        </p>
      )}
      <div className="wall-page" key={page?.id ?? 'none'}>
        {wall.error ? (
          <div className="panel-error" role="alert" data-panel-error="wall">
            <strong>{i18n.t('panelError')}</strong> <span>{wall.error.message}</span>
          </div>
        ) : wall.data && page ? (
          <PageBody page={page} data={wall.data} plan={plan} theme={theme} onDistrict={openDistrict} />
        ) : wall.data && pages.length === 0 ? (
          <p className="wall-empty">{i18n.t('noDistrictItems')}</p>
        ) : null}
      </div>
      <div className="wall-progress" aria-hidden="true" data-progress-paused={rotation.paused ? 'true' : 'false'}>
        <div
          key={`${rotation.index}-${opened ?? ''}-${pages.length}`}
          className="wall-progress-bar"
          style={{
            animationDuration: `${rotation.duration}ms`,
            animationDelay: `-${rotation.spent}ms`,
            animationPlayState: rotation.paused || pages.length <= 1 ? 'paused' : 'running',
          }}
        />
      </div>
      {rotation.paused && (
        <span className="paused-mark" role="status" data-paused-mark="">
          {i18n.t('paused')}
        </span>
      )}
    </main>
  );
}

function PageBody({
  page,
  data,
  plan,
  theme,
  onDistrict,
}: {
  page: WallPage;
  data: WallData;
  plan: WallPlan;
  theme: typeof WALL_THEME;
  onDistrict: (c: string) => void;
}) {
  const props = { data, plan, theme, onDistrict };
  switch (page.kind) {
    case 'overview':
      return <OverviewPage {...props} page={page} />;
    case 'group':
      return <GroupPage {...props} page={page} />;
    case 'districts':
      return <DistrictsPage {...props} />;
    case 'sources':
      return <SourcesPage {...props} page={page} />;
    case 'district':
      return <DistrictPage {...props} page={page} />;
  }
}

function pageTitle(
  page: WallPage,
  catalog: ReturnType<typeof useDashboard>['catalog'],
  lang: 'zh' | 'en',
  t: ReturnType<typeof useDashboard>['i18n']['t'],
): string {
  const title = pageName(page, catalog, lang, t);
  // A page that continues says which sheet is on screen.
  return page.sheets > 1 ? `${title} ${t('sheet', { i: page.sheet + 1, n: page.sheets })}` : title;
}

function pageName(
  page: WallPage,
  catalog: ReturnType<typeof useDashboard>['catalog'],
  lang: 'zh' | 'en',
  t: ReturnType<typeof useDashboard>['i18n']['t'],
): string {
  switch (page.kind) {
    case 'overview':
      return t('pageOverview');
    case 'group':
      return lang === 'en' ? (page.groupEn ?? page.groupZh) : page.groupZh;
    case 'districts':
      return t('pageDistricts');
    case 'sources':
      return t('pageSources');
    case 'district':
      return areaName(catalog.areaByCode.get(page.areaCode), lang);
  }
}

/** The sample badge shows when the page on screen carries an illustrative figure. */
function sampleShown(data: WallData, page: WallPage | undefined): boolean {
  if (!page) return false;
  switch (page.kind) {
    case 'overview':
      return data.city.some((j) => j.components?.illustrative) || data.districts.some((d) => d.illustrative);
    case 'group':
      return data.all.some((j) => j.indicator.groupZh === page.groupZh && j.components?.illustrative);
    case 'districts':
      return data.districts.some((d) => d.illustrative);
    case 'sources':
      return data.all.some((j) => j.components?.illustrative);
    case 'district':
      return data.districts.some((d) => d.illustrative);
  }
}
