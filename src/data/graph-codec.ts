/**
 * Results as text and back, exactly: what the reads return (a catalog with its Maps, judged targets
 * that share their Target, Indicator and Area objects with the catalog) survives a trip through
 * JSON unchanged, shared objects still shared, so prepared results behave like computed ones.
 * Knows nothing of the shapes it carries: a field another read adds travels with it.
 *
 * Plain JSON, except: an object or array met more than once is written once as
 * `{"$id": n, "$v": …}` and then `{"$ref": n}`; a Map is `{"$map": [[k, v], …]}`, a Set
 * `{"$set": […]}`, a Date `{"$date": ms}`; NaN, ±Infinity and −0 are `{"$num": "NaN"}` …;
 * undefined in an array is `{"$undef": 1}`; a plain object with a key starting with `$` is
 * `{"$obj": {…}}`. Anything else (a class instance, a function, a BigInt) is refused.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

const specialNumber = (n: number): string | null =>
  Number.isNaN(n) ? 'NaN' : n === Infinity ? 'Infinity' : n === -Infinity ? '-Infinity' : Object.is(n, -0) ? '-0' : null;

/** `value` as JSON text that decodeGraph turns back into an equal value with the same sharing. */
export function encodeGraph(value: unknown): string {
  const seen = new Map<object, number>();
  const count = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    const n = seen.get(v) ?? 0;
    seen.set(v, n + 1);
    if (n > 0) return;
    if (v instanceof Map)
      for (const [k, x] of v) {
        count(k);
        count(x);
      }
    else if (v instanceof Set) for (const x of v) count(x);
    else if (Array.isArray(v)) v.forEach(count);
    else if (!(v instanceof Date)) for (const x of Object.values(v)) count(x);
  };
  count(value);
  const ids = new Map<object, number>();
  const write = (v: unknown): Json => {
    if (v === null) return null;
    switch (typeof v) {
      case 'boolean':
      case 'string':
        return v;
      case 'number': {
        const special = specialNumber(v);
        return special ? { $num: special } : v;
      }
      case 'undefined':
        return { $undef: 1 };
      case 'object':
        break;
      default:
        throw new TypeError(`encodeGraph: cannot write a ${typeof v}`);
    }
    const known = ids.get(v);
    if (known != null) return { $ref: known };
    const shared = (seen.get(v) ?? 0) > 1;
    const id = shared ? ids.size : -1;
    if (shared) ids.set(v, id);
    let out: Json;
    if (v instanceof Map) out = { $map: [...v].map(([k, x]) => [write(k), write(x)]) };
    else if (v instanceof Set) out = { $set: [...v].map(write) };
    else if (v instanceof Date) out = { $date: v.getTime() };
    else if (Array.isArray(v)) out = Array.from(v, write);
    else if (isPlain(v)) {
      const obj: { [k: string]: Json } = {};
      let dollar = false;
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined) continue;
        if (k.startsWith('$')) dollar = true;
        obj[k] = write(x);
      }
      out = dollar ? { $obj: obj } : obj;
    } else throw new TypeError(`encodeGraph: cannot write an instance of ${(v as object).constructor?.name ?? 'unknown'}`);
    return shared ? { $id: id, $v: out } : out;
  };
  return JSON.stringify(write(value));
}

/** The value encodeGraph wrote, with its shared objects shared again. */
export function decodeGraph<T = unknown>(text: string): T {
  const byId = new Map<number, unknown>();
  const read = (j: Json): unknown => {
    if (j === null || typeof j !== 'object') return j;
    if (Array.isArray(j)) return j.map(read);
    if ('$id' in j) {
      // Made empty first and filled after, so a reference inside it finds it.
      const inner = j.$v as Json;
      const holder = shell(inner);
      byId.set(j.$id as number, holder ?? undefined);
      const v = holder ? fill(holder, inner) : read(inner);
      byId.set(j.$id as number, v);
      return v;
    }
    if ('$ref' in j) return byId.get(j.$ref as number);
    if ('$map' in j) return new Map((j.$map as Json[][]).map(([k, x]) => [read(k!), read(x!)]));
    if ('$set' in j) return new Set((j.$set as Json[]).map(read));
    if ('$date' in j) return new Date(j.$date as number);
    if ('$num' in j) return Number(j.$num);
    if ('$undef' in j) return undefined;
    if ('$obj' in j) return readObject(j.$obj as { [k: string]: Json });
    return readObject(j);
  };
  const readObject = (o: { [k: string]: Json }) => {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = read(x);
    return out;
  };
  // The empty container a shared value decodes into (null for a Date or a number: no inside).
  const shell = (j: Json): object | null => {
    if (Array.isArray(j)) return [];
    if (j === null || typeof j !== 'object') return null;
    if ('$map' in j) return new Map();
    if ('$set' in j) return new Set();
    if ('$date' in j || '$num' in j || '$undef' in j || '$ref' in j || '$id' in j) return null;
    return {};
  };
  const fill = (holder: object, j: Json): unknown => {
    if (Array.isArray(j)) (holder as unknown[]).push(...j.map(read));
    else if (holder instanceof Map) for (const [k, x] of (j as { $map: Json[][] }).$map) holder.set(read(k!), read(x!));
    else if (holder instanceof Set) for (const x of (j as { $set: Json[] }).$set) holder.add(read(x));
    else Object.assign(holder, readObject('$obj' in (j as object) ? ((j as { $obj: { [k: string]: Json } }).$obj) : (j as { [k: string]: Json })));
    return holder;
  };
  return read(JSON.parse(text) as Json) as T;
}
