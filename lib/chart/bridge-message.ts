/**
 * Messages from the main-world TradingView bridge. The page can post anything on the same channel,
 * so every message is checked field by field and anything odd is dropped.
 */

export const BRIDGE_NAMESPACE = 'gexmap-tradingview-bridge';

export interface BridgeChartState {
  type: 'chart';
  symbol: string | null;
  range: { from: number; to: number };
  mode: 'linear' | 'log';
  inverted: boolean;
  /** The main pane's price area in viewport pixels. */
  pane: { left: number; top: number; width: number; height: number };
}

export type BridgeMessage = BridgeChartState | { type: 'absent'; reason: string };

/** The bridge's window-messaging protocol (main world -> content script), declared once. */
export interface BridgeProtocol {
  state(message: BridgeMessage): void;
}

const finite = (value: unknown, low = -1e7, high = 1e7): value is number => typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;

/** The message if it is well-formed, else null. */
export function readBridgeMessage(value: unknown): BridgeMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  if (message.type === 'absent') return typeof message.reason === 'string' ? { type: 'absent', reason: message.reason.slice(0, 200) } : null;
  if (message.type !== 'chart') return null;
  const { symbol, range, mode, inverted, pane } = message as Record<string, unknown> & { range: Record<string, unknown>; pane: Record<string, unknown> };
  if (!(symbol === null || (typeof symbol === 'string' && symbol.length > 0 && symbol.length <= 64 && /^[\w:.!&/^$-]+$/.test(symbol)))) return null;
  if (typeof range !== 'object' || range === null || !finite(range.from, -1e12, 1e12) || !finite(range.to, -1e12, 1e12) || range.from === range.to) return null;
  if (mode !== 'linear' && mode !== 'log') return null;
  if (typeof inverted !== 'boolean') return null;
  if (typeof pane !== 'object' || pane === null) return null;
  if (!finite(pane.left) || !finite(pane.top) || !finite(pane.width, 1, 1e5) || !finite(pane.height, 1, 1e5)) return null;
  return {
    type: 'chart',
    symbol: symbol as string | null,
    range: { from: range.from as number, to: range.to as number },
    mode,
    inverted,
    pane: { left: pane.left as number, top: pane.top as number, width: pane.width as number, height: pane.height as number },
  };
}
