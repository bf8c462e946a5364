export function aggregateInJs(
  text: string,
  tables: { indicatorsCsv: string; areasCsv: string },
): { rows: number; cases: number; figures: unknown[]; ms: { parse: number; derive: number } };
