/** Debian Chromium with the built extension loaded, driven by playwright-core. */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromeBuild } from './paths';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchChromiumWithExtension(
  options: { userDataDir?: string; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? chromeBuild;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'gexmap-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  if (!options.userDataDir) {
    // A fresh install opens the options page (onboarding). Wait for it and close it, so a test's own
    // navigation to an extension page never races with it.
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline) {
      const onboarding = context.pages().find((page) => page.url().endsWith('/options.html'));
      if (onboarding) {
        await onboarding.close();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
