/**
 * Where figures come from (domain/sources.ts): a source starting with `illustrative` (any case) or
 * `示例` marks its row as illustrative and is never shown in its own words; a real source is. The
 * expectations follow the data contract's rule, read by hand.
 */
import { describe, expect, it } from 'vitest';
import { ILLUSTRATIVE_PREFIXES, isIllustrativeSource, shownSources } from '../../src/domain/sources';

describe('isIllustrativeSource', () => {
  it('the contract names two prefixes: illustrative and 示例', () => {
    expect(ILLUSTRATIVE_PREFIXES).toEqual(['illustrative', '示例']);
  });

  it('a source that starts with illustrative, in any case, or with 示例 is illustrative', () => {
    expect(isIllustrativeSource('illustrative: data/scripts/generate-actuals.mjs')).toBe(true);
    expect(isIllustrativeSource('Illustrative figures')).toBe(true);
    expect(isIllustrativeSource('ILLUSTRATIVE')).toBe(true);
    expect(isIllustrativeSource('示例数据（脚本生成）')).toBe(true);
    expect(isIllustrativeSource('示例')).toBe(true);
  });

  it('only the start counts: the word elsewhere, a real source or nothing is not illustrative', () => {
    expect(isIllustrativeSource('上海市人力资源和社会保障局 2023年统计公报')).toBe(false);
    expect(isIllustrativeSource('Not illustrative')).toBe(false);
    expect(isIllustrativeSource('数据为示例')).toBe(false);
    expect(isIllustrativeSource(' illustrative')).toBe(false);
    expect(isIllustrativeSource('illustrat')).toBe(false);
    expect(isIllustrativeSource('')).toBe(false);
  });
});

describe('shownSources', () => {
  it('shows real sources in their own words, in order, and says whether any was illustrative', () => {
    expect(shownSources(['上海市统计局', 'illustrative: generate-actuals.mjs', '市人社局公报', '示例数据'])).toEqual({
      real: ['上海市统计局', '市人社局公报'],
      illustrative: true,
    });
  });

  it('all real: every source shown, nothing illustrative', () => {
    expect(shownSources(['上海市统计局', '市人社局公报'])).toEqual({
      real: ['上海市统计局', '市人社局公报'],
      illustrative: false,
    });
  });

  it('all illustrative: nothing shown in its own words', () => {
    expect(shownSources(['Illustrative', '示例'])).toEqual({ real: [], illustrative: true });
  });

  it('no sources: nothing shown, nothing illustrative', () => {
    expect(shownSources([])).toEqual({ real: [], illustrative: false });
  });
});
