import { describe, expect, it } from 'vitest';
import { language } from '../../state/language';
import { milliseconds } from './durations';

describe('milliseconds', () => {
  it('chooses the unit by size and shows a dash when unknown', () => {
    language.value = 'en';
    expect(milliseconds(850)).toBe('850 ms');
    expect(milliseconds(12400)).toBe('12.4 s');
    expect(milliseconds(210000)).toBe('3.5 min');
    expect(milliseconds(null)).toBe('–');
  });
});
