/** Settings stored by an older version are migrated on update; tested against a frozen old value. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsItem } from '../../../utils/storage';
import { DEFAULT_LINE_COLOURS } from '../../../lib/service/settings';
import { DEFAULT_LINES } from '../../../lib/chart/level-labels';
import { DEFAULT_SYMBOL_RULES } from '../../../lib/chart/symbol-map';

// Frozen: exactly what version 1 (commit "Background: providers ...") stored. Never edit.
const SETTINGS_V1 = {
  provider: 'custom',
  ticker: 'QQQ',
  favorites: ['QQQ', 'SPY'],
  recents: ['NVDA'],
  customUrl: 'https://data.example.com/{ticker}.json',
  refreshMinutes: 15,
  signModel: { kind: 'custom', call: 1, put: -0.5 },
  rates: { default: { rate: 0.05, dividend: 0 }, perTicker: { QQQ: { rate: 0.05, dividend: 0.006 } } },
  transitionBand: 0.003,
  ivShiftThreshold: 0.03,
  expiryFilter: '0dte',
};

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('v1 -> v2 keeps everything the user set and adds the overlay settings with defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: SETTINGS_V1, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({
      ...SETTINGS_V1,
      symbolRules: DEFAULT_SYMBOL_RULES,
      lines: DEFAULT_LINES,
      enabledSites: [],
      lineColours: DEFAULT_LINE_COLOURS,
    });
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });
  });
});
