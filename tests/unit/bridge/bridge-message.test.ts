/** The bridge's messages are checked field by field: what is odd drops only itself, what is forged changes nothing. */
import { describe, expect, it } from 'vitest';
import {
  bridgeEventText,
  MAX_BRIDGE_TEXT,
  readBridgeEventText,
  readBridgeMessage,
  type BridgeChart,
} from '../../../lib/bridge/bridge-message';

const chart = (change: Partial<Record<keyof BridgeChart, unknown>> = {}) => ({
  id: '0',
  symbol: 'SP:SPX',
  active: true,
  pane: { left: 10, top: 40, width: 860, height: 520 },
  mapping: { kind: 'linear', intercept: 2000, slope: -0.4 },
  ...change,
});
const envelope = (message: unknown) => ({ channel: 'gexmap-chart-bridge', message });

describe('bridge messages', () => {
  it('reads every chart of a layout, and round-trips through the event text', () => {
    const message = {
      type: 'charts' as const,
      charts: [chart(), chart({ id: '1', symbol: 'AMEX:SPY', active: false })] as BridgeChart[],
      unreadableFrames: [],
    };
    expect(readBridgeEventText(bridgeEventText(message))).toEqual(message);
  });

  it('keeps a chart whose symbol is odd, as a chart without a symbol: its geometry is not lost', () => {
    const read = readBridgeMessage(
      envelope({ type: 'charts', charts: [chart({ symbol: 'SP:SPX/TVC:DXY*100' }), chart({ id: '1', symbol: '\u0000evil\n' })] }),
    );
    expect(read).toMatchObject({
      type: 'charts',
      charts: [
        { id: '0', symbol: 'SP:SPX/TVC:DXY*100' },
        { id: '1', symbol: null },
      ],
    });
  });

  it('drops a malformed chart and keeps the others; a message of malformed charts only is dropped whole', () => {
    const read = readBridgeMessage(
      envelope({ type: 'charts', charts: [chart({ mapping: { kind: 'cubic', intercept: 1, slope: 1 } }), chart({ id: '1' })] }),
    );
    expect(read?.type === 'charts' && read.charts.map((item) => item.id)).toEqual(['1']);
    for (const bad of [
      { mapping: { kind: 'linear', intercept: 1, slope: 0 } },
      { pane: { left: 0, top: 0, width: -5, height: Number.NaN } },
      { id: '<img src=x>' },
      { active: 'yes' },
    ]) {
      expect(readBridgeMessage(envelope({ type: 'charts', charts: [chart(bad)] }))).toBeNull();
    }
  });

  it('refuses what is not the bridge: another channel, too many charts, text too long, not JSON', () => {
    expect(readBridgeMessage({ channel: 'other', message: { type: 'charts', charts: [chart()] } })).toBeNull();
    expect(
      readBridgeMessage(envelope({ type: 'charts', charts: Array.from({ length: 17 }, (_, index) => chart({ id: String(index) })) })),
    ).toBeNull();
    expect(
      readBridgeEventText(`${bridgeEventText({ type: 'absent', reason: 'x', unreadableFrames: [] })}${' '.repeat(MAX_BRIDGE_TEXT)}`),
    ).toBeNull();
    expect(readBridgeEventText('{"channel":')).toBeNull();
    expect(readBridgeEventText({ channel: 'gexmap-chart-bridge' })).toBeNull();
  });

  it('library charts: each names a known library; an empty list says the charts went away; one forged chart spoils the message', () => {
    const message = { type: 'library' as const, charts: [{ ...chart({ id: 'echarts:0', symbol: null }), library: 'echarts' }] as never[] };
    expect(readBridgeEventText(bridgeEventText(message))).toEqual(message);
    expect(readBridgeMessage(envelope({ type: 'library', charts: [] }))).toEqual({ type: 'library', charts: [] });
    expect(
      readBridgeMessage(envelope({ type: 'library', charts: [{ ...chart({ id: 'x:0' }), library: 'highcharts-unknown' }] })),
    ).toBeNull();
    expect(
      readBridgeMessage(
        envelope({
          type: 'library',
          charts: [
            { ...chart({ id: 'p:0' }), library: 'plotly' },
            { ...chart({ id: 'p:1', pane: null }), library: 'plotly' },
          ],
        }),
      ),
    ).toBeNull();
    expect(readBridgeMessage(envelope({ type: 'library', charts: [{ ...chart({ id: 'c:0' }), library: 'toString' }] }))).toBeNull();
  });
});
