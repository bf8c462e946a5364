/**
 * The codec that carries prepared results (src/data/graph-codec.ts): a value comes back equal, with
 * the objects it shared still shared, and its Maps, Sets, dates and special numbers intact.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeGraph, encodeGraph } from '../../src/data/graph-codec';
import { sha256HexPlain } from '../../src/data/sha256-plain';

const trip = <T>(v: T): T => decodeGraph<T>(encodeGraph(v));

describe('encodeGraph / decodeGraph', () => {
  it('gives back plain JSON values unchanged', () => {
    const v = { a: 1, b: 'x', c: [true, false, null], d: { e: [1.5, -2, 0] }, 文: '上海市' };
    expect(trip(v)).toEqual(v);
  });

  it('keeps an object met twice one object, across a Map and an array', () => {
    const area = { areaCode: '310118', nameZh: '青浦区' };
    const target = { targetId: 't1', areaCode: '310118' };
    const catalog = { areas: [area], areaByCode: new Map([[area.areaCode, area]]), targets: [target] };
    const judged = [{ target, area, judgement: { actual: 3, status: 'met' } }];
    const back = trip({ catalog, judged });
    expect(back).toEqual({ catalog, judged });
    expect(back.catalog.areaByCode).toBeInstanceOf(Map);
    expect(back.catalog.areaByCode.get('310118')).toBe(back.catalog.areas[0]);
    expect(back.judged[0]!.area).toBe(back.catalog.areas[0]);
    expect(back.judged[0]!.target).toBe(back.catalog.targets[0]);
    // Not shared where the original was not.
    const twins = trip([{ x: 1 }, { x: 1 }]);
    expect(twins[0]).not.toBe(twins[1]);
  });

  it('keeps NaN, infinities, −0, dates, sets, undefined in arrays and keys starting with $', () => {
    const v = { n: [NaN, Infinity, -Infinity, -0, 0], when: new Date(Date.UTC(2024, 5, 30)), s: new Set(['a', 'b']), u: [1, undefined, 2], $odd: { $id: 3, $ref: 'x' } };
    const back = trip(v);
    expect(back.n[0]).toBeNaN();
    expect(back.n.slice(1, 3)).toEqual([Infinity, -Infinity]);
    expect(Object.is(back.n[3], -0)).toBe(true);
    expect(Object.is(back.n[4], 0)).toBe(true);
    expect(back.when).toEqual(v.when);
    expect(back.s).toEqual(v.s);
    expect(back.u).toEqual([1, undefined, 2]);
    expect(back.u.length).toBe(3);
    expect(back.$odd).toEqual({ $id: 3, $ref: 'x' });
  });

  it('keeps a cycle a cycle', () => {
    const a: { name: string; self?: unknown; list: unknown[] } = { name: 'a', list: [] };
    a.self = a;
    a.list.push(a);
    const back = trip(a);
    expect(back.self).toBe(back);
    expect(back.list[0]).toBe(back);
  });

  it('refuses what it cannot give back', () => {
    expect(() => encodeGraph({ e: new Error('x') })).toThrow(/Error/);
    expect(() => encodeGraph({ f: () => 1 })).toThrow(/function/);
    expect(() => encodeGraph({ b: 1n })).toThrow(/bigint/);
  });
});

describe('sha256HexPlain (the hash where Web Crypto is not offered)', () => {
  it('equals SHA-256 of node:crypto on edge lengths and random inputs', () => {
    const inputs = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 1000, 100_003].map((n) => randomBytes(n));
    inputs.push(Buffer.from('abc'), Buffer.from('上海市,310000\r\n'));
    for (const b of inputs) expect(sha256HexPlain(new Uint8Array(b))).toBe(createHash('sha256').update(b).digest('hex'));
  });

  it('gives the known digest of "abc"', () => {
    expect(sha256HexPlain(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
