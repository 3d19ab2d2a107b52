import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  imports: false,
  // Static files shipped as-is: icons and the bundled sample chain (DESIGN.md layout: assets/).
  publicDir: 'assets',
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'gexmap — dealer gamma levels on your chart',
    short_name: 'gexmap',
    description:
      'Gamma flip, call wall and put wall from listed option chains, drawn on the charts you already use. Dealer sign is a model assumption.',
    // storage: settings, cached levels, history (+ IndexedDB for whole chains); alarms: the refresh
    // schedule; scripting: the overlay on sites the user turns on; activeTab: the popup reads the
    // current tab's address only when the user opens it (to offer "Show on this site").
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // The free default provider, and a data server on this machine (tests, a local feed) without a prompt.
    host_permissions: ['https://cdn.cboe.com/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    // Keyed providers and custom URLs: requested from the options page when the user turns them on.
    optional_host_permissions: [
      'https://api.tradier.com/*',
      'https://sandbox.tradier.com/*',
      'https://api.polygon.io/*',
      'https://api.massive.com/*',
      'https://*/*',
      'http://*/*',
    ],
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
  }),
});
