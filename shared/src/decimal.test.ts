import { describe, expect, it } from 'vitest';
import { decimalParameter } from './decimal.js';

describe('decimalParameter', () => {
  const id = decimalParameter(1, 999_999);

  it('reads plain digits', () => {
    expect(id.parse('5')).toBe(5);
    expect(id.parse('999999')).toBe(999_999);
  });

  it.each(['0x5', '5.0', '1e1', ' 5', '5 ', '+5', '-5', '05', '0', '1000000', '', '٥'])(
    'refuses %j, naming what it must be',
    (text) => {
      const parsed = id.safeParse(text);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/whole number|too big|Too big|>=|<=/);
    },
  );

  it('takes 0 when 0 is allowed, never a leading zero', () => {
    const page = decimalParameter(0, 50);
    expect(page.parse('0')).toBe(0);
    expect(page.safeParse('00').success).toBe(false);
    expect(page.safeParse('51').success).toBe(false);
  });
});
