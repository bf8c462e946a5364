// Types for ensure-chromium.mjs, so TypeScript tests can import it without allowJs.
export function findChromium(): string | null;
export function launchOptions(): { executablePath: string; headless: boolean; args: string[] };
export function hasCjkFonts(): boolean;
