/** The overlay on sites the user turned on: one registered content script per site, kept in step. */
import { browser } from 'wxt/browser';

const OVERLAY_SCRIPT = 'content-scripts/overlay.js';
const SITE_SCRIPT_PREFIX = 'gexmap-site:';

/** Makes the registered per-site content scripts match the enabled sites (on every change and start). */
export async function syncSiteScripts(sites: readonly string[]): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((script) => script.id.startsWith(SITE_SCRIPT_PREFIX));
  const wanted = new Set(sites.map((site) => SITE_SCRIPT_PREFIX + site));
  const stale = ours.filter((script) => !wanted.has(script.id)).map((script) => script.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(ours.map((script) => script.id));
  const missing = sites.filter((site) => !have.has(SITE_SCRIPT_PREFIX + site));
  if (missing.length) {
    await browser.scripting.registerContentScripts(
      missing.map((site) => ({ id: SITE_SCRIPT_PREFIX + site, matches: [site], js: [OVERLAY_SCRIPT], runAt: 'document_idle' as const, persistAcrossSessions: true })),
    );
  }
}

/** Runs the overlay in a tab now (the user just turned its site on). */
export async function injectOverlay(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${OVERLAY_SCRIPT}`] });
}
