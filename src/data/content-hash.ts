/**
 * The content hash of a file: SHA-256, as lower-case hex. Web Crypto where the page has it; a plain
 * implementation where it does not (browsers give crypto.subtle only to secure contexts, and a
 * dashboard on a plain-HTTP intranet is not one), so both always agree.
 */

/** SHA-256 of `bytes` as 64 hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return hex(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
  // Loaded only where it is needed (most pages have Web Crypto).
  return (await import('./sha256-plain')).sha256HexPlain(bytes);
}

/** Bytes as lower-case hex. */
export const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
