/** The overlay's styles, injected into its shadow root: nothing leaks to the page or in from it. */
import { LEVEL_KINDS } from '../../../lib/chart/levels';

const KIND_COLOURS = LEVEL_KINDS.map((info) => `.gx-${info.kind} { color: ${info.colour}; }`).join('\n');

export const OVERLAY_CSS = `
:host { all: initial; }
.gx-root { position: fixed; inset: 0; pointer-events: none; font: 11px/1.3 system-ui, -apple-system, sans-serif;
  --gx-fg: #d1d4dc; --gx-bg: #131722; --gx-border: #363a45; --gx-soft: #2a2e39; --gx-button: #2a2e39; --gx-label-bg: rgba(19,23,34,.85); --gx-warn: #ffb300; --gx-bad: #ef5350; color: var(--gx-fg); }
/* On a light chart the panel and the labels are light too. */
.gx-root[data-theme="light"] { --gx-fg: #131722; --gx-bg: #ffffff; --gx-border: #c9ccd3; --gx-soft: #e3e5ea; --gx-button: #f0f2f5; --gx-label-bg: rgba(255,255,255,.9); --gx-warn: #b26a00; --gx-bad: #c62828; }
.gx-line { position: fixed; pointer-events: none; box-sizing: border-box; }
.gx-line::before { content: ''; position: absolute; left: 0; right: 0; top: 0; bottom: 0; background: currentColor; opacity: .9; }
${KIND_COLOURS}
.gx-edge::before { opacity: .35; }
.gx-zone { position: fixed; pointer-events: none; }
.gx-zone::before { content: ''; position: absolute; inset: 0; background: currentColor; opacity: .12; }
/* Last good levels after a failed refresh: still drawn, visibly marked as stale. */
.gx-lines[data-stale="true"] .gx-line::before { opacity: .45; background: repeating-linear-gradient(90deg, currentColor 0 8px, transparent 8px 14px); }
.gx-lines[data-stale="true"] .gx-line-label::after { content: ' · stale'; color: var(--gx-warn); }
/* The previous session's levels: faint and dashed, labelled at their left end (today's labels sit at the right). */
.gx-prev { position: fixed; pointer-events: none; box-sizing: border-box; }
.gx-prev::before { content: ''; position: absolute; left: 0; right: 0; top: 0; bottom: 0; opacity: .5; background: repeating-linear-gradient(90deg, currentColor 0 6px, transparent 6px 11px); }
.gx-prev-label { position: absolute; left: 4px; box-sizing: border-box; display: flex; align-items: center; white-space: nowrap; padding: 0 4px; border-radius: 3px; background: var(--gx-label-bg); color: currentColor; opacity: .75; font-weight: 400; font-style: italic; }
.gx-line-label { position: absolute; right: 4px; box-sizing: border-box; display: flex; align-items: center; white-space: nowrap; padding: 0 4px; border-radius: 3px; background: var(--gx-label-bg); color: currentColor; font-weight: 600; }
.gx-panel { position: fixed; pointer-events: auto; min-width: 180px; max-width: 420px; background: var(--gx-bg); color: var(--gx-fg); border: 1px solid var(--gx-border); border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.gx-panel-pill { min-width: 0; border-radius: 12px; display: flex; align-items: center; }
.gx-panel .gx-pill-action { margin-right: 4px; padding: 0 6px; border-radius: 10px; color: var(--gx-warn); border-color: var(--gx-warn); }
.gx-pill { display: block; border: 0 !important; background: transparent !important; padding: 2px 9px !important; border-radius: 12px !important; white-space: nowrap; cursor: pointer; }
.gx-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.gx-panel-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 4px 6px; cursor: move; user-select: none; border-bottom: 1px solid var(--gx-soft); }
.gx-panel button { font: inherit; color: inherit; background: var(--gx-button); border: 1px solid var(--gx-border); border-radius: 4px; padding: 1px 6px; cursor: pointer; }
.gx-switches { display: flex; flex-wrap: wrap; gap: 4px 10px; margin: 2px 0 6px; }
.gx-switches label { display: inline-flex; align-items: center; gap: 3px; cursor: pointer; }
.gx-panel button:focus-visible, .gx-handle-grip:focus-visible, .gx-handle-price:focus-visible { outline: 2px solid #2962ff; outline-offset: 1px; }
.gx-status { padding: 4px 6px; }
.gx-status [data-state="stale"], .gx-status [data-state="old"], .gx-badge-stale { color: var(--gx-warn); }
.gx-status [data-state="error"], .gx-error { color: var(--gx-bad); }
.gx-panel-body { padding: 4px 6px 6px; max-height: 60vh; overflow: auto; }
.gx-muted { opacity: .7; }
.gx-help summary { cursor: pointer; }
.gx-help dl { margin: 4px 0 0; max-height: 180px; overflow: auto; }
.gx-help dt { font-weight: 600; margin-top: 4px; }
.gx-help dd { margin: 0; opacity: .85; }
.gx-calibration { position: fixed; inset: 0; pointer-events: none; }
.gx-handle { position: fixed; height: 2px; background: #2962ff; pointer-events: none; }
.gx-handle-grip { position: absolute; right: 0; top: -7px; width: 40px; height: 16px; background: #2962ff; border-radius: 3px; cursor: ns-resize; pointer-events: auto; }
.gx-handle-price { position: absolute; right: 46px; top: -10px; width: 90px; pointer-events: auto; font: inherit; }
.gx-calibration-actions { position: fixed; display: flex; gap: 6px; align-items: center; pointer-events: auto; background: rgba(19,23,34,.94); padding: 4px; border-radius: 4px; }
`;
