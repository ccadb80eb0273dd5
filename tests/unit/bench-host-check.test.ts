/** The benchmark's host check: the same fixed work on every run, so that its time measures only the host. */
import { describe, expect, it } from 'vitest';
import { fixedText } from '../../scripts/bench/host-check.ts';

describe('fixedText', () => {
  it('is the same text on every call, so every run times the same work', () => {
    expect(fixedText(5_000)).toBe(fixedText(5_000));
    expect(fixedText(20)).toBe(fixedText(5_000).split(' ').slice(0, 20).join(' '));
  });

  it('has the words asked for, varied enough that compressing them is real work', () => {
    const words = fixedText(5_000).split(' ');
    expect(words).toHaveLength(5_000);
    expect(words.every((w) => /^[a-z]{2,16}$/.test(w))).toBe(true);
    expect(new Set(words).size).toBeGreaterThan(1_000);
  });
});
