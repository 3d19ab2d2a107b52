/**
 * The manifest's permissions, each for a reason, and the one difference between what users install and
 * what the tests and the demo run: those also reach a data server on this machine without a prompt.
 */
export interface ManifestOptions {
  browser: string;
  /** Tests and the demo (GEXMAP_TEST_HOSTS=1): a local data server and local chart pages, granted. */
  localHosts: boolean;
}

export function manifestFor({ browser, localHosts }: ManifestOptions) {
  return {
    name: 'gexmap — dealer gamma levels on your chart',
    short_name: 'gexmap',
    // The store's short description too (docs/store/listing.md): at most 132 characters, Chrome's limit.
    description:
      'Gamma flip, call wall and put wall from listed option chains, drawn on the charts you use. Dealer sign is a model assumption.',
    // alarms: the refresh schedule; scripting: the overlay on the sites the user turns on; activeTab: the
    // popup reads the current tab's address only when the user opens it (to offer "Show on this site");
    // storage: read once, to move what version 0.1 kept in storage.local into the extension's own database.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // The free default provider (CBOE's delayed quotes); nothing else without the user's say.
    host_permissions: ['https://cdn.cboe.com/*', ...(localHosts ? ['http://localhost/*', 'http://127.0.0.1/*'] : [])],
    // Requested from the options page or the popup at the moment the user turns a provider, a custom
    // URL or a site on: the keyed providers' hosts, and any site (custom URLs, charts on other sites).
    optional_host_permissions: ['https://api.tradier.com/*', 'https://api.polygon.io/*', 'https://*/*', 'http://*/*'],
    // Asked for from the popup when the user turns alerts on for a ticker; without it alerts stay in the popup's log.
    optional_permissions: ['notifications'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gexmap@gexmap.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  };
}
