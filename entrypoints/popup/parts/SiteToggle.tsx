/** "Show on this site": the overlay on the page the trader came from (asks for its host permission). */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../../utils/messaging';
import type { PublicSettings } from '../../../lib/protocol';
import { originPattern } from '../../../lib/providers/registry';

export function SiteToggle(props: {
  settings: PublicSettings | null;
  onSettings: (settings: PublicSettings) => void;
  onError: (message: string) => void;
}) {
  const [site, setSite] = useState<{ pattern: string; tabId: number } | null>(null);
  useEffect(() => {
    void (async () => {
      // The page the trader came from: the active tab of the most recently used browser window.
      const tabs = await browser.tabs.query({ active: true, windowType: 'normal' }).catch(() => []);
      const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      const pattern = tab?.url ? originPattern(tab.url) : null;
      // TradingView runs the overlay already (manifest content script).
      if (tab?.id !== undefined && pattern && !/^https?:\/\/([\w-]+\.)*tradingview\.com\//.test(pattern))
        setSite({ pattern, tabId: tab.id });
    })();
  }, []);
  if (!site) return null;

  async function toggle(enabled: boolean) {
    if (!site) return;
    try {
      if (enabled && !(await browser.permissions.request({ origins: [site.pattern] }))) {
        props.onError(`gexmap needs permission to read ${site.pattern} to draw on it.`);
        return;
      }
      const updated = await sendMessage('setSiteEnabled', { pattern: site.pattern, enabled, tabId: site.tabId });
      if (!enabled) await browser.permissions.remove({ origins: [site.pattern] }).catch(() => false);
      props.onSettings(updated);
    } catch (reason) {
      props.onError((reason as Error).message);
    }
  }
  return (
    <section class="card" aria-label="This site">
      <label>
        <input
          type="checkbox"
          checked={props.settings?.enabledSites.includes(site.pattern) ?? false}
          onChange={(event) => void toggle((event.target as HTMLInputElement).checked)}
        />{' '}
        Show on this site ({site.pattern.replace('/*', '')})
      </label>
    </section>
  );
}
