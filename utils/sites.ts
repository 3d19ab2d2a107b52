/**
 * The overlay on sites the user turned on: per site, the overlay's content script and the main-world
 * chart bridge beside it, registered (and unregistered) to match the enabled sites.
 */
import { browser } from 'wxt/browser';

const OVERLAY_SCRIPT = 'content-scripts/overlay.js';
const BRIDGE_SCRIPT = 'content-scripts/chart-bridge.js';
const SITE_SCRIPT_PREFIX = 'gexmap-site:';
const BRIDGE_SCRIPT_PREFIX = 'gexmap-bridge:';

type Registration = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

function registrations(site: string): Registration[] {
  return [
    { id: SITE_SCRIPT_PREFIX + site, matches: [site], js: [OVERLAY_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
    // The bridge reads the page's own chart API, so it runs in the page's world, from the start.
    {
      id: BRIDGE_SCRIPT_PREFIX + site,
      matches: [site],
      js: [BRIDGE_SCRIPT],
      runAt: 'document_start',
      world: 'MAIN',
      persistAcrossSessions: true,
    },
  ];
}

/** Makes the registered per-site content scripts match the enabled sites (on every change and start). */
export async function syncSiteScripts(sites: readonly string[]): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((script) => script.id.startsWith(SITE_SCRIPT_PREFIX) || script.id.startsWith(BRIDGE_SCRIPT_PREFIX));
  const wanted = sites.flatMap(registrations);
  const wantedIds = new Set(wanted.map((script) => script.id));
  const stale = ours.filter((script) => !wantedIds.has(script.id)).map((script) => script.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(ours.map((script) => script.id));
  const missing = wanted.filter((script) => !have.has(script.id));
  if (missing.length) await browser.scripting.registerContentScripts(missing);
}

/** Runs the bridge and the overlay in a tab now (the user just turned its site on). */
export async function injectOverlay(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${BRIDGE_SCRIPT}`], world: 'MAIN' });
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${OVERLAY_SCRIPT}`] });
}
