/**
 * Where TradingView's own, undocumented API lives: in the page (`TradingViewApi` on tradingview.com)
 * and in same-origin Charting Library frames (`tradingViewApi`), one level deep; whether a search still
 * describes the page; and the frames of other origins that look like charts (nothing can read there).
 */
import type { PlotRect } from '../../../lib/chart/mapping';

/** A window holding the API: the page itself, or a same-origin frame in the page. */
export interface ApiHost {
  api: unknown;
  document: Document;
  /** The frame holding it (null for the page itself): its place is read with the layout, as it may move. */
  frame: HTMLIFrameElement | null;
  /** Prefix of chart ids from this host ("" for the page, "f1:" for the first frame). */
  prefix: string;
}

export interface ApiSearch {
  hosts: ApiHost[];
  /** Every frame of the page when searched, and the API each showed (null: none yet, or another origin's). */
  frames: HTMLIFrameElement[];
  frameApis: unknown[];
  ownApi: unknown;
  /** Frames named like a chart that belong to another origin: nothing can be read there. */
  foreignChartFrames: HTMLIFrameElement[];
}

const apiOf = (win: Window | null): unknown => {
  try {
    const record = win as unknown as Record<string, unknown> | null;
    return record?.TradingViewApi ?? record?.tradingViewApi ?? null;
  } catch {
    return null; // another origin's window
  }
};

const documentOf = (frame: HTMLIFrameElement): Document | null => {
  try {
    return frame.contentWindow?.document ?? null;
  } catch {
    return null; // another origin's frame
  }
};

/** Where the API lives: the page, and any same-origin frame (Charting Library hosts), one level deep. */
export function findApis(win: Window): ApiSearch {
  const hosts: ApiHost[] = [];
  const ownApi = apiOf(win);
  if (ownApi) hosts.push({ api: ownApi, document: win.document, frame: null, prefix: '' });
  const frames = [...win.document.getElementsByTagName('iframe')];
  const frameApis = frames.map((frame, index) => {
    const api = apiOf(frame.contentWindow);
    const document = api ? documentOf(frame) : null;
    if (api && document) hosts.push({ api, document, frame, prefix: `f${index + 1}:` });
    return api;
  });
  const foreignChartFrames = frames.filter(
    (frame) => !documentOf(frame) && /tradingview|charting|chart/i.test(frame.src || frame.name || frame.title || ''),
  );
  return { hosts, frames, frameApis, ownApi, foreignChartFrames };
}

/**
 * Whether a search still describes the page, without touching its layout: the same API on the page,
 * the same frames in the same order, each showing the same API (or still none). Cheap enough to ask
 * often, so a frame added or a Charting Library that built its API late is found within a second.
 */
export function searchHolds(win: Window, search: ApiSearch): boolean {
  if (apiOf(win) !== search.ownApi) return false;
  const frames = win.document.getElementsByTagName('iframe');
  if (frames.length !== search.frames.length) return false;
  for (let index = 0; index < frames.length; index++) {
    if (frames[index] !== search.frames[index] || apiOf(frames[index].contentWindow) !== search.frameApis[index]) return false;
  }
  return true;
}

/** A frame's content box in the top viewport: inside its border and padding. */
export function frameOffset(frame: HTMLIFrameElement | null): { left: number; top: number } {
  if (!frame) return { left: 0, top: 0 };
  const rect = frame.getBoundingClientRect();
  const style = getComputedStyle(frame);
  return {
    left: rect.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
    top: rect.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop),
  };
}

/** Where the search's foreign chart frames are now, those large enough to hold a chart. */
export function unreadableFrames(search: ApiSearch): PlotRect[] {
  const rects: PlotRect[] = [];
  for (const frame of search.foreignChartFrames) {
    if (!frame.isConnected) continue;
    const rect = frame.getBoundingClientRect();
    if (rect.width >= 200 && rect.height >= 120) rects.push({ left: rect.left, top: rect.top, width: rect.width, height: rect.height });
  }
  return rects;
}
