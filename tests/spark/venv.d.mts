// Types for venv.mjs, so TypeScript tests can import it without allowJs.

export const VENV_ROOT: string;
export const PINNED: Record<string, string>;
export const SPARK_VERSIONS: string[];
export function javaVersion(): string;
export function ensureSpark(version: string, log?: (line: string) => void): { version: string; python: string; sparkSubmit: string; env: NodeJS.ProcessEnv };
export const LOCAL_CONF: [string, string][];
