/**
 * The channel from the main-world chart bridge to the overlay's content script: a DOM event on the
 * page's own document, carrying the message as JSON text. Delivered synchronously, so the overlay
 * draws in the very frame the bridge read the chart; frames of other origins cannot reach this
 * document, and whatever the page itself sends is checked field by field like the bridge's own.
 */
import type { PlotRect, PriceMapping } from '../chart/mapping';
import { isChartLibrary, type ChartLibrary } from './chart-libraries';

export const BRIDGE_CHANNEL = 'gexmap-chart-bridge';
/** The overlay (which starts after the page drew) asks the bridge to send what it has again. */
export const BRIDGE_HELLO = 'gexmap-chart-bridge-hello';
/** Charts one layout may hold (TradingView layouts go up to 16). */
export const MAX_BRIDGE_CHARTS = 16;
const MAX_FRAMES = 8;

/** One chart the bridge read: its symbol as the page names it, its main pane and price mapping. */
export interface BridgeChart {
  /** Stable within the page: the chart's place in its layout (and frame). */
  id: string;
  /** The page's own symbol text ("SP:SPX", "CME_MINI:ES1!"); mapped to an underlying elsewhere. */
  symbol: string | null;
  /** The chart the user works in (the panel follows it). */
  active: boolean;
  /** The main series' pane, viewport pixels. */
  pane: PlotRect;
  mapping: PriceMapping;
}

/** A chart a library's own API placed (ECharts, Chart.js, Plotly): the same fields, and which library. */
export interface LibraryChart extends BridgeChart {
  library: ChartLibrary;
}

/** A label a canvas tap saw drawn: its text, its box and its tick's y, viewport px. */
interface TappedLabel {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  tickY: number;
}

/** What one canvas shows now: its labels, the chart it belongs to (the largest canvas beside it), its grid lines. */
export interface TappedCanvas {
  id: string;
  labels: TappedLabel[];
  plot: PlotRect | null;
  marks: { y: number; left: number; right: number }[];
}

/** Canvases with more labels than this are not price axes (a table or a text-heavy drawing). */
export const MAX_TAPPED_LABELS = 400;

export type BridgeMessage =
  | { type: 'charts'; charts: BridgeChart[]; unreadableFrames: PlotRect[] }
  | { type: 'absent'; reason: string; unreadableFrames: PlotRect[] }
  | { type: 'canvas'; canvases: TappedCanvas[] }
  /** Every chart a library API places now; none is a message too (the charts went away). */
  | { type: 'library'; charts: LibraryChart[] };

const finite = (value: unknown, low = -1e7, high = 1e7): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readRect(value: unknown): PlotRect | null {
  if (!isObject(value)) return null;
  const { left, top, width, height } = value;
  return finite(left) && finite(top) && finite(width, 1, 1e5) && finite(height, 1, 1e5) ? { left, top, width, height } : null;
}

function readMapping(value: unknown): PriceMapping | null {
  if (!isObject(value)) return null;
  const { kind, intercept, slope, offset } = value;
  if (kind !== 'linear' && kind !== 'log') return null;
  if (!finite(intercept, -1e15, 1e15) || !finite(slope, -1e15, 1e15) || slope === 0) return null;
  if (offset !== undefined && !finite(offset, 0, 1)) return null;
  return offset === undefined ? { kind, intercept, slope } : { kind, intercept, slope, offset };
}

/** A symbol as text a trader could have typed: printable, bounded. Anything else is no symbol. */
function readSymbol(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= 128 && /^[\x20-\x7e]+$/.test(trimmed) ? trimmed : null;
}

function readChart(value: unknown): BridgeChart | null {
  if (!isObject(value) || typeof value.id !== 'string' || !/^[\w:.-]{1,40}$/.test(value.id) || typeof value.active !== 'boolean')
    return null;
  const pane = readRect(value.pane);
  const mapping = readMapping(value.mapping);
  return pane && mapping ? { id: value.id, symbol: readSymbol(value.symbol), active: value.active, pane, mapping } : null;
}

function readFrames(value: unknown): PlotRect[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_FRAMES) return null;
  const rects = value.map(readRect);
  return rects.every((rect): rect is PlotRect => rect !== null) ? rects : null;
}

function readTappedCanvas(value: unknown): TappedCanvas | null {
  if (!isObject(value) || typeof value.id !== 'string' || !/^[\w:.-]{1,40}$/.test(value.id)) return null;
  if (!Array.isArray(value.labels) || value.labels.length > MAX_TAPPED_LABELS || !Array.isArray(value.marks) || value.marks.length > 2000)
    return null;
  const labels: TappedLabel[] = [];
  for (const label of value.labels) {
    if (!isObject(label) || typeof label.text !== 'string' || label.text.length > 24) return null;
    const { left, right, top, bottom, tickY } = label;
    if (![left, right, top, bottom, tickY].every((number) => finite(number))) return null;
    labels.push({
      text: label.text,
      left: left as number,
      right: right as number,
      top: top as number,
      bottom: bottom as number,
      tickY: tickY as number,
    });
  }
  const marks: TappedCanvas['marks'] = [];
  for (const mark of value.marks) {
    if (!isObject(mark) || ![mark.y, mark.left, mark.right].every((number) => finite(number))) return null;
    marks.push({ y: mark.y as number, left: mark.left as number, right: mark.right as number });
  }
  const plot = value.plot === null ? null : readRect(value.plot);
  if (value.plot !== null && plot === null) return null;
  return { id: value.id, labels, plot, marks };
}

/**
 * The message if it is well-formed, else null. A malformed chart drops only itself; a message whose
 * charts are all malformed is dropped whole (it must not read as "no charts here").
 */
export function readBridgeMessage(data: unknown): BridgeMessage | null {
  if (!isObject(data) || data.channel !== BRIDGE_CHANNEL || !isObject(data.message)) return null;
  const message = data.message;
  const unreadableFrames = readFrames(message.unreadableFrames);
  if (unreadableFrames === null) return null;
  if (message.type === 'absent')
    return typeof message.reason === 'string' ? { type: 'absent', reason: message.reason.slice(0, 200), unreadableFrames } : null;
  if (message.type === 'canvas') {
    if (!Array.isArray(message.canvases) || message.canvases.length > MAX_BRIDGE_CHARTS) return null;
    const canvases = message.canvases.map(readTappedCanvas);
    return canvases.every((canvas): canvas is TappedCanvas => canvas !== null) ? { type: 'canvas', canvases } : null;
  }
  if (message.type === 'library') {
    if (!Array.isArray(message.charts) || message.charts.length > MAX_BRIDGE_CHARTS) return null;
    const charts: LibraryChart[] = [];
    for (const value of message.charts) {
      const chart = readChart(value);
      // One malformed chart spoils the message: an empty list would read as "the charts went away".
      if (!chart || !isObject(value) || !isChartLibrary(value.library)) return null;
      charts.push({ ...chart, library: value.library });
    }
    return { type: 'library', charts };
  }
  if (message.type !== 'charts' || !Array.isArray(message.charts) || message.charts.length > MAX_BRIDGE_CHARTS) return null;
  const charts = message.charts.map(readChart).filter((chart): chart is BridgeChart => chart !== null);
  if (charts.length === 0) return null;
  return { type: 'charts', charts, unreadableFrames };
}

/** The longest event text read (16 charts fit in a few KB): anything longer is not the bridge. */
export const MAX_BRIDGE_TEXT = 65536;

/** What the bridge sends: the message inside the channel's envelope, as JSON text. */
export function bridgeEventText(message: BridgeMessage): string {
  return JSON.stringify({ channel: BRIDGE_CHANNEL, message });
}

/** Reads an event's text: the message, or null when it is not a well-formed bridge message. */
export function readBridgeEventText(text: unknown): BridgeMessage | null {
  if (typeof text !== 'string' || text.length > MAX_BRIDGE_TEXT) return null;
  try {
    return readBridgeMessage(JSON.parse(text));
  } catch {
    return null;
  }
}
