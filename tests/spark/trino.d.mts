// Types for trino.mjs, so TypeScript tests can import it without allowJs.

export const TRINO_PARSER_VERSION: string;
export function ensureTrinoParser(log?: (line: string) => void): Promise<string>;
export function parseWithTrino(classPath: string, files: string[]): { ok: boolean; output: string };
