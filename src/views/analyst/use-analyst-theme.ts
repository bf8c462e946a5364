/**
 * The workbench's chart theme at the page's type size: the workbench scales its root font with wide
 * screens (styles.css, 16 px up to 1920 px wide, up to 24 px on a 4K screen), and its charts' type
 * follows, so a chart reads like the table beside it.
 */
import { useEffect, useMemo, useState } from 'react';
import { ANALYST_THEME, type ChartTheme } from '../../charts/theme';

const rootPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

export function useAnalystTheme(): ChartTheme {
  const [root, setRoot] = useState(rootPx);
  useEffect(() => {
    const onResize = () => setRoot(rootPx());
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return useMemo(() => (root === 16 ? ANALYST_THEME : { ...ANALYST_THEME, font: Math.round(ANALYST_THEME.font * (root / 16) * 10) / 10 }), [root]);
}
