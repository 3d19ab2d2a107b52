/** Debian Firefox ESR with the built extension installed (temporary add-on), driven by puppeteer-core. */
import puppeteer, { type Browser } from 'puppeteer-core';
import { firefoxBuild } from './paths';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const GECKO_ID = 'gexmap@gexmap.app';
/** Fixed internal UUID, so tests can open moz-extension://UUID/popup.html. */
const FIREFOX_EXTENSION_UUID = '6f0e8a52-3c1b-4b7e-9a57-0c2d9e1f4a11';
const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

export async function launchFirefoxWithExtension(extensionDir = firefoxBuild): Promise<{ browser: Browser; addonId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Grant MV3 host permissions declared in the manifest without the install prompt a user would see.
      'extensions.originControls.grantByDefault': true,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  const addonId = await browser.installExtension(extensionDir);
  return { browser, addonId };
}

/**
 * An extension page to script. WebDriver BiDi will not navigate a tab to moz-extension:// URLs, but
 * it can script the options page the extension itself opens on install.
 */
export async function extensionPage(browser: Browser, path = '/options.html', timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${FIREFOX_EXTENSION_ORIGIN}${path}`)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the extension did not open ${path} within ${timeoutMs} ms`);
}
