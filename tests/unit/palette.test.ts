/**
 * The status palette stays distinguishable for the common colour-vision deficiencies: each pair of
 * status colours differs by a clear margin (CIE76 ΔE > 15) in normal vision and when simulated for
 * protanopia, deuteranopia and tritanopia (Machado et al. 2009, severity 1.0). Colour is never the
 * only signal anyway (every status also has an icon and a word), but the colours should help.
 */
import { describe, expect, it } from 'vitest';
import { STATUS_COLOR } from '../../src/domain/status';
import { STATUSES } from '../../src/domain/types';

type Vec = [number, number, number];
const MATRICES: Record<string, number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function hexToLinear(hex: string): Vec {
  const n = parseInt(hex.slice(1), 16);
  return [toLinear(((n >> 16) & 255) / 255), toLinear(((n >> 8) & 255) / 255), toLinear((n & 255) / 255)];
}
function linearToLab([r, g, b]: Vec): Vec {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  [r, g, b] = [clamp(r), clamp(g), clamp(b)];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const apply = (m: number[][], v: Vec): Vec => [0, 1, 2].map((i) => m[i]![0]! * v[0] + m[i]![1]! * v[1] + m[i]![2]! * v[2]) as Vec;
const deltaE = (a: Vec, b: Vec) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('status palette', () => {
  for (const [vision, m] of Object.entries(MATRICES)) {
    it(`every pair of statuses is distinguishable (${vision})`, () => {
      const lab = STATUSES.map((s) => [s, linearToLab(apply(m, hexToLinear(STATUS_COLOR[s])))] as const);
      const tooClose: string[] = [];
      for (let i = 0; i < lab.length; i++)
        for (let j = i + 1; j < lab.length; j++) {
          const d = deltaE(lab[i]![1], lab[j]![1]);
          if (d <= 15) tooClose.push(`${lab[i]![0]}/${lab[j]![0]} ΔE ${d.toFixed(1)}`);
        }
      expect(tooClose).toEqual([]);
    });
  }
});
