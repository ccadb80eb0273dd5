import { describe, expect, it } from 'vitest';
import { readableUrl } from '../../src/lib/readable-url';

describe('readableUrl', () => {
  it('shows percent-encoded Chinese as Chinese, the rest of the address unchanged', () => {
    expect(
      readableUrl('https://kwongwah.com.my/20250416/%e9%a9%ac%e4%b8%ad%e5%8f%8c%e8%be%b9%e4%bc%9a%e8%ae%ae-31/'),
    ).toBe('https://kwongwah.com.my/20250416/马中双边会议-31/');
  });

  it('keeps escapes whose decoding would change the address, and shows a malformed one as it is', () => {
    expect(readableUrl('https://example.org/a%2Fb?q=x%26y')).toBe('https://example.org/a%2Fb?q=x%26y');
    expect(readableUrl('https://example.org/100%zz')).toBe('https://example.org/100%zz');
  });
});
