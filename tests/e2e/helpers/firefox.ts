/** Debian Firefox ESR with the built extension installed (temporary add-on), driven by puppeteer-core. */
import puppeteer, { type Browser } from 'puppeteer-core';
import { firefoxBuild } from './paths';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export async function launchFirefoxWithExtension(extensionDir = firefoxBuild): Promise<{ browser: Browser; addonId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Grant MV3 host permissions declared in the manifest without the install prompt a user would see.
      'extensions.originControls.grantByDefault': true,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  const addonId = await browser.installExtension(extensionDir);
  return { browser, addonId };
}
