// Types for serve.mjs, so TypeScript tests can import it without allowJs.

export interface ServedRequest {
  method: string;
  /** Raw request path (still percent-encoded), without the query string. */
  path: string;
  status: number;
}

export interface StartServerOptions {
  /** Directory to serve (usually `dist`). */
  root: string;
  /** URL path the app is mounted at; normalised to `/a/b/`. Default `/`. */
  base?: string;
  /** 0 (default) lets the OS pick a free port. */
  port?: number;
  /** Extra headers added to every response, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
  /** 'auto' (default): precompressed `.br`/`.gz` copies when accepted, else gzip on the fly; 'none': never compressed. */
  compression?: 'auto' | 'none';
}

export interface RunningServer {
  /** Full URL of the base, ending in `/`. */
  url: string;
  port: number;
  /** Every request answered so far, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

export function startServer(options: StartServerOptions): Promise<RunningServer>;
