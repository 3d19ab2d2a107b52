import { describe, expect, it } from 'vitest';
import { applySettingsPatch, DEFAULT_SETTINGS, normalizeTicker, SettingsError } from '../../../lib/settings';
import { REQUEST_ACCESS, REQUEST_RULES, RequestError, validateRequest } from '../../../lib/protocol';

describe('settings', () => {
  it('normalizes tickers as typed', () => {
    expect(normalizeTicker(' spx ')).toBe('SPX');
    expect(normalizeTicker('^NDX')).toBe('NDX');
    expect(normalizeTicker('BRK.B')).toBe('BRK.B');
    expect(normalizeTicker('<script>')).toBeNull();
    expect(normalizeTicker('')).toBeNull();
    expect(normalizeTicker(42)).toBeNull();
  });

  it('applies valid patches and leaves the rest', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, {
      ticker: 'qqq',
      refreshMinutes: 10,
      signModel: { kind: 'custom', call: 1, put: -0.5 },
    });
    expect(next).toMatchObject({ ticker: 'QQQ', refreshMinutes: 10, signModel: { kind: 'custom', call: 1, put: -0.5 }, provider: 'cboe' });
    expect(DEFAULT_SETTINGS.ticker).toBe('SPX'); // not mutated
  });

  it.each([
    [{ provider: 'yahoo' }, /provider must be one of cboe/],
    [{ ticker: 'not a ticker!' }, /ticker "not a ticker!" is not a ticker/],
    [{ refreshMinutes: 0 }, /refreshMinutes must be a whole number from 1 to 240/],
    [{ customUrl: 'javascript:alert(1)' }, /customUrl "javascript:alert\(1\)" is not an http\(s\) URL/],
    [{ signModel: { kind: 'custom', call: 5, put: 0 } }, /signModel must be/],
    [{ rates: { default: { rate: 2, dividend: 0 }, perTicker: {} } }, /rates.default.rate must be a decimal/],
    [{ transitionBand: -1 }, /transitionBand must be/],
    [{ colour: 'red' }, /unknown setting "colour"/],
    ['everything', /settings update must be an object/],
  ])('rejects %j with the field and the reason', (patch, message) => {
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, patch)).toThrow(SettingsError);
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, patch)).toThrow(message);
  });
});

describe('request validation at the boundary', () => {
  it('accepts well-formed requests', () => {
    expect(validateRequest('getLevels', { ticker: 'SPX', expiry: '0dte' })).toEqual({ ticker: 'SPX', expiry: '0dte' });
    expect(validateRequest('getLevels', {})).toEqual({});
    expect(validateRequest('getStatus', undefined)).toBeUndefined();
    expect(validateRequest('getProfile', { points: 801 })).toEqual({ points: 801 });
    expect(validateRequest('acceptRefusedChain', {})).toEqual({});
    expect(validateRequest('acceptRefusedChain', { ticker: 'SPX', provider: 'file' })).toEqual({ ticker: 'SPX', provider: 'file' });
  });

  it.each([
    ['getLevels', null, /getLevels: expected an object/],
    ['getLevels', 'SPX', /getLevels: expected an object/],
    ['getLevels', { ticker: 42 }, /"ticker" must be text/],
    ['getLevels', { ticker: 'X'.repeat(17) }, /"ticker" is longer than 16 characters/],
    ['getLevels', { ticker: 'SPX', __proto__x: 1 }, /unknown field "__proto__x"/],
    ['getProfile', { points: 1e9 }, /"points" must be a whole number from 2 to 2001/],
    ['getHeatmap', { strikes: 2.5 }, /"strikes" must be a whole number/],
    ['setTicker', {}, /"ticker" is required/],
    ['getStatus', { anything: 1 }, /getStatus: takes no data/],
    ['importChain', { text: 1, name: 'a' }, /"text" must be text/],
    [
      'acceptRefusedChain',
      { provider: 'yahoo' },
      /acceptRefusedChain: "provider" must be one of cboe, tradier, polygon, custom, sample, file/,
    ],
    ['acceptRefusedChain', { ticker: 'SPX', chain: 'x' }, /unknown field "chain"/],
  ] as const)('%s rejects %j', (name, data, message) => {
    expect(() => validateRequest(name, data)).toThrow(RequestError);
    expect(() => validateRequest(name, data)).toThrow(message);
  });
});

describe('overlay settings', () => {
  it('accepts symbol rules with a futures basis, line choices, colours and site patterns', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, {
      symbolRules: [{ chart: 'cme_mini:es1!', underlying: 'spx', basis: 31.75 }],
      lines: { flip: true, callWall: false, putWall: true, absGamma: true, nodes: 3, flipBand: false, previous: true },
      lineColours: { flip: '#FFAA00', callWall: '#00ff00', putWall: '#ff0000', absGamma: '#aa00ff', node: '#999999' },
      enabledSites: ['https://www.example.com/*', 'http://[::1]:8080/*'],
    });
    expect(next.symbolRules).toEqual([{ chart: 'CME_MINI:ES1!', underlying: 'SPX', basis: 31.75 }]);
    expect(next.lines.nodes).toBe(3);
    expect(next.lineColours.flip).toBe('#ffaa00');
    expect(next.enabledSites).toHaveLength(2);
  });

  it.each([
    [{ symbolRules: [{ chart: 'ES1!', underlying: 'not a ticker', basis: 0 }] }, /symbolRules\[0\].underlying must be a ticker/],
    [{ symbolRules: [{ chart: 'ES1!', underlying: 'SPX', basis: 'wide' }] }, /symbolRules\[0\].basis must be a number/],
    [{ lines: { flip: true, callWall: true, putWall: true, absGamma: 'yes', nodes: 0 } }, /lines.absGamma must be true or false/],
    [{ lineColours: { ...DEFAULT_SETTINGS.lineColours, flip: 'orange' } }, /lineColours.flip must be a colour/],
    [{ enabledSites: ['<all_urls>'] }, /enabledSites must be a list of origin patterns/],
    [{ enabledSites: ['https://*/*'] }, /enabledSites must be a list of origin patterns/],
  ])('rejects %j', (patch, message) => {
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, patch)).toThrow(message);
  });
});

describe('every request has a rule and an access level', () => {
  it('checks settings updates through the settings rules, naming the field', () => {
    expect(validateRequest('updateSettings', { refreshMinutes: 15, ticker: ' qqq ' })).toEqual({ refreshMinutes: 15, ticker: 'QQQ' });
    expect(() => validateRequest('updateSettings', { refreshMinutes: 'often' })).toThrow(
      /^updateSettings: refreshMinutes must be a whole number from 1 to 240$/,
    );
    expect(() => validateRequest('updateSettings', { keys: { tradier: 'x' } })).toThrow(/^updateSettings: unknown setting "keys"$/);
  });

  it('bounds how many charts one tab may ask about', () => {
    expect(validateRequest('subscribe', { symbols: ['SP:SPX', 'CME_MINI:ES1!'] })).toEqual({ symbols: ['SP:SPX', 'CME_MINI:ES1!'] });
    expect(() => validateRequest('subscribe', { symbols: Array.from({ length: 17 }, (_, index) => `S${index}`) })).toThrow(
      /"symbols" has more than 16 items/,
    );
    expect(() => validateRequest('subscribe', { symbols: ['SPX', 42] })).toThrow(/"symbols"\[1\] must be text/);
  });

  it('names who may send each request, and only extension pages may change anything', () => {
    expect(Object.keys(REQUEST_ACCESS).sort()).toEqual(Object.keys(REQUEST_RULES).sort());
    for (const name of [
      'updateSettings',
      'setApiKeys',
      'setTicker',
      'importChain',
      'acceptRefusedChain',
      'clearData',
      'setSiteEnabled',
      'getSettings',
    ] as const) {
      expect(REQUEST_ACCESS[name]).toBe('extension-pages');
    }
  });
});
