/** Least privilege: what users install asks for CBOE's host only; tests and the demo add this machine. */
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../wxt.manifest';

describe('the manifest', () => {
  it('grants users CBOE alone; every other host is optional, asked for when a feature is turned on', () => {
    for (const browser of ['chrome', 'firefox']) {
      const manifest = manifestFor({ browser, localHosts: false });
      expect(manifest.host_permissions).toEqual(['https://cdn.cboe.com/*']);
      expect(manifest.optional_host_permissions).not.toContain('https://sandbox.tradier.com/*');
      expect(manifest.optional_host_permissions).not.toContain('https://api.massive.com/*');
      expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'scripting', 'storage']);
      expect(JSON.stringify(manifest)).not.toMatch(/web_accessible_resources|localhost|127\.0\.0\.1/);
      // Notifications only for alerts, asked for when the user turns them on.
      expect(manifest.optional_permissions).toEqual(['notifications']);
    }
  });

  it('gives the test and demo build a local data server without a prompt, and nothing more', () => {
    expect(manifestFor({ browser: 'chrome', localHosts: true }).host_permissions).toEqual([
      'https://cdn.cboe.com/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
  });
});
