/**
 * Code run in the overlay's own content-script world on a chart page (through scripting.executeScript
 * from an extension page: the same isolated world the overlay runs in), trying what a compromised or
 * curious content script would: read the keys, change settings, write storage, ask for a key.
 */

export interface ProbeResult {
  storageLocal: string;
  pageIndexedDb: string[];
  updateSettings: string;
  setApiKeys: string;
  getSettings: string;
  wroteLocalSettings: boolean;
}

/** The little of the extension API the probe uses (in an extension page, and in the content-script world). */
interface ExtensionApi {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  scripting: { executeScript(options: { target: { tabId: number }; func: () => Promise<unknown> }): Promise<{ result: unknown }[]> };
  runtime: { sendMessage(message: unknown, callback: (response: unknown) => void): unknown };
  storage: { local: { get(keys: null): Promise<object>; set(values: object): Promise<void> } };
}

/** Runs in an extension page: executes the probe in the tab's content-script world and returns what it saw. */
export async function probeContentWorld(tabUrlPrefix: string): Promise<ProbeResult> {
  const api =
    (globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi }).browser ??
    (globalThis as unknown as { chrome: ExtensionApi }).chrome;
  const [tab] = (await api.tabs.query({})).filter((candidate) => candidate.url?.startsWith(tabUrlPrefix));
  if (!tab?.id) throw new Error(`no tab at ${tabUrlPrefix}`);
  const [injection] = await api.scripting.executeScript({
    target: { tabId: tab.id },
    func: async () => {
      const runtime =
        (globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi }).browser ??
        (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      const ask = (type: string, data: unknown) =>
        new Promise<string>((resolve) => {
          try {
            const reply = runtime.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }, (response: unknown) =>
              resolve(JSON.stringify(response ?? null)),
            );
            // Firefox answers with a promise when no callback is taken.
            if (reply && typeof (reply as Promise<unknown>).then === 'function')
              (reply as Promise<unknown>).then(
                (response) => resolve(JSON.stringify(response ?? null)),
                (error: Error) => resolve(`error: ${error.message}`),
              );
          } catch (error) {
            resolve(`error: ${(error as Error).message}`);
          }
        });
      let storageLocal: string;
      try {
        storageLocal = JSON.stringify(await runtime.storage.local.get(null));
      } catch (error) {
        storageLocal = `error: ${(error as Error).message}`;
      }
      let wroteLocalSettings = false;
      try {
        await runtime.storage.local.set({
          settings: { provider: 'custom', customUrl: 'https://evil.example/{ticker}.json' },
          settings$: { v: 2 },
        });
        wroteLocalSettings = true;
      } catch {
        wroteLocalSettings = false;
      }
      const databases =
        typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).map((database) => database.name ?? '') : [];
      return {
        storageLocal,
        pageIndexedDb: databases,
        updateSettings: await ask('updateSettings', { customUrl: 'https://evil.example/{ticker}.json' }),
        setApiKeys: await ask('setApiKeys', { tradier: 'replaced-by-a-page' }),
        getSettings: await ask('getSettings', undefined),
        wroteLocalSettings,
      };
    },
  });
  return injection.result as ProbeResult;
}
