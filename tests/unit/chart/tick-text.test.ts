import { describe, expect, it } from 'vitest';
import { parseTickValue, readTickText } from '../../../lib/chart/axis/tick-text';

describe('tick label numbers', () => {
  it.each([
    ['4,700.00', 4700],
    ['4 700', 4700],
    ['4\u202f700', 4700],
    ['4\u00a0700.5', 4700.5],
    ["4'700", 4700],
    ['4.7k', 4700],
    ['4.7K', 4700],
    ['4.75k', 4750],
    ['1.2M', 1_200_000],
    ['1.2 MM', 1_200_000],
    ['3B', 3e9],
    ['$450', 450],
    ['450 \u20ac', 450],
    ['\u221212.5', -12.5],
    ['-$12.5', -12.5],
    ['(12.5)', -12.5],
    ['+3', 3],
    ['1e+6', 1e6],
    ['2.5E-4', 0.00025],
    ['500m', 0.5],
    ['2024', 2024],
    ['0.00001234', 0.00001234],
  ])('%s reads %d', (text, value) => {
    expect(parseTickValue(text)).toBe(value);
  });

  it('settles separators from the text when it can, and keeps both readings when it cannot', () => {
    // Both marks: the last is the decimal mark.
    expect(readTickText('4.700,00')).toEqual({ ok: true, value: 4700, convention: 'european' });
    expect(readTickText('4,700.50')).toEqual({ ok: true, value: 4700.5, convention: 'english' });
    // A repeated mark groups; one mark before other than three digits is decimal.
    expect(readTickText('1.234.567')).toEqual({ ok: true, value: 1234567, convention: 'european' });
    expect(readTickText('4,5')).toEqual({ ok: true, value: 4.5, convention: 'european' });
    expect(readTickText('4 700,25')).toEqual({ ok: true, value: 4700.25, convention: 'european' });
    expect(readTickText('0,750')).toEqual({ ok: true, value: 0.75, convention: 'european' });
    expect(readTickText('4.5')).toEqual({ ok: true, value: 4.5, convention: 'english' });
    // One mark before exactly three digits: English first, the other reading kept.
    expect(readTickText('4,700')).toEqual({ ok: true, value: 4700, alternative: 4.7, convention: 'either' });
    expect(readTickText('4.700')).toEqual({ ok: true, value: 4.7, alternative: 4700, convention: 'either' });
    expect(readTickText('4700')).toEqual({ ok: true, value: 4700, convention: 'either' });
  });

  it.each([
    ['45%', 'percent'],
    ['+1.25 %', 'percent'],
    ['25 bps', 'percent'],
    ['10:30', 'time-or-date'],
    ['10:30:15', 'time-or-date'],
    ['Jan', 'time-or-date'],
    ['Jan 12', 'time-or-date'],
    ['12 Jan', 'time-or-date'],
    ['Mon 5', 'time-or-date'],
    ['2024-01-05', 'time-or-date'],
    ['12/31', 'time-or-date'],
    ['5d', 'not-a-number'],
    ['Volume 1.2M', 'not-a-number'],
    ['4,,700', 'not-a-number'],
    ['4.700.50,1.2', 'not-a-number'],
    ['', 'empty'],
  ])('%s is rejected as %s', (text, reason) => {
    expect(readTickText(text)).toEqual({ ok: false, reason });
  });
});
