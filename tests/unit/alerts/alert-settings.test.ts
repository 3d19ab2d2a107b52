/** Alert settings are checked field by field like every setting; the log stays bounded, newest first. */
import { describe, expect, it } from 'vitest';
import { checkSettingsPatch, DEFAULT_SETTINGS, SettingsError } from '../../../lib/settings';
import { DEFAULT_ALERTS } from '../../../lib/alerts/alert-settings';
import { appendToLog } from '../../../lib/alerts/alert-log';
import type { FiredAlert } from '../../../lib/alerts/alert-model';

describe('alert settings', () => {
  it('default off for every ticker, and a whole object passes with tickers normalized and deduplicated', () => {
    expect(DEFAULT_SETTINGS.alerts.tickers).toEqual([]);
    expect(checkSettingsPatch({ alerts: { ...DEFAULT_ALERTS, tickers: [' spx', '$SPX', 'spy'] } }).alerts?.tickers).toEqual(['SPX', 'SPY']);
  });

  it('refuses what is wrong, saying which field', () => {
    const bad: [unknown, RegExp][] = [
      [{ ...DEFAULT_ALERTS, tickers: ['not a ticker'] }, /alerts\.tickers has an invalid ticker/],
      [{ ...DEFAULT_ALERTS, wallDistance: 0.5 }, /alerts\.wallDistance must be a fraction of price/],
      [{ ...DEFAULT_ALERTS, hysteresis: -0.001 }, /alerts\.hysteresis/],
      [{ ...DEFAULT_ALERTS, quietMinutes: 2.5 }, /alerts\.quietMinutes must be a whole number/],
      [
        { ...DEFAULT_ALERTS, triggers: { ...DEFAULT_ALERTS.triggers, flipCross: 'yes' } },
        /alerts\.triggers\.flipCross must be true or false/,
      ],
      [{ ...DEFAULT_ALERTS, triggers: { ...DEFAULT_ALERTS.triggers, gamma: true } }, /unknown trigger "gamma"/],
      [{ ...DEFAULT_ALERTS, sound: true }, /unknown field "sound"/],
      [{ ...DEFAULT_ALERTS, tickers: Array.from({ length: 21 }, (_item, index) => `T${index}`) }, /at most 20 tickers/],
      ['on', /alerts must be an object/],
    ];
    for (const [alerts, message] of bad) {
      expect(() => checkSettingsPatch({ alerts })).toThrow(SettingsError);
      expect(() => checkSettingsPatch({ alerts })).toThrow(message);
    }
  });
});

describe('the alert log', () => {
  const alert = (id: string, firedAt: number) => ({ id, firedAt }) as FiredAlert;
  it('newest first, bounded, an alert logged twice kept once', () => {
    let log = appendToLog([], [alert('a', 1), alert('b', 2)], 3);
    expect(log.map((item) => item.id)).toEqual(['b', 'a']);
    log = appendToLog(log, [alert('c', 3), alert('a', 1)], 3);
    expect(log.map((item) => item.id)).toEqual(['c', 'a', 'b']);
    log = appendToLog(log, [alert('d', 4)], 3);
    expect(log.map((item) => item.id)).toEqual(['d', 'c', 'a']);
  });
});
