/**
 * The page's font stack, as in styles.css (:root). Charts name it on every text: ECharts' default
 * 'sans-serif' sends each Chinese label through the browser's font fallback when it measures text,
 * which took most of a filter change's time on Linux, and drew chart text in another face.
 */
export const PAGE_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";
