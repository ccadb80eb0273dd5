/** Figures read as reporting writes them: "RM484.12 billion", "16.8% of …", "16 consecutive years". */
import { describe, expect, it } from 'vitest';
import { withUnit } from '../../src/lib/quantity';

describe('withUnit', () => {
  it('puts ringgit before the number and keeps the scale after it', () => {
    expect(withUnit('484.12', 'RM billion')).toBe('RM484.12 billion');
    expect(withUnit('12', 'RM')).toBe('RM12');
  });

  it('keeps a sign in front of the currency', () => {
    expect(withUnit('+33.28', 'RM billion')).toBe('+RM33.28 billion');
    expect(withUnit('−1.5', 'RM billion')).toBe('−RM1.5 billion');
  });

  it('sets a percent sign against the number, with the rest of the unit after it', () => {
    expect(withUnit('16.8', "% of Malaysia's total trade")).toBe("16.8% of Malaysia's total trade");
  });

  it('writes any other unit after a space', () => {
    expect(withUnit('16', 'consecutive years')).toBe('16 consecutive years');
    expect(withUnit('650', 'RMB yuan')).toBe('650 RMB yuan');
  });
});
