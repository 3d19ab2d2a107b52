/**
 * @webext-core/messaging talks to `chrome.runtime` with Chrome's callback API (sendMessage(message,
 * callback); listeners answer through sendResponse and return true to answer later). WXT's fake
 * browser does not model that, so unit tests install this shim of exactly those semantics, with a
 * sender the test chooses (a content script's tab and page URL, or an extension page's URL).
 */
type Listener = (message: unknown, sender: object, sendResponse: (response: unknown) => void) => boolean | void;

export interface MessagingShim {
  /** The sender the background will see for the next messages. */
  sender: { url?: string; tab?: { id: number } };
  /** Messages the background pushed to tabs. */
  tabMessages: { tabId: number; message: unknown }[];
}

export function installChromeMessagingShim(): MessagingShim {
  const listeners: Listener[] = [];
  const shim: MessagingShim = { sender: {}, tabMessages: [] };
  const runtime = {
    lastError: undefined as undefined | { message: string },
    onMessage: {
      addListener: (listener: Listener) => void listeners.push(listener),
      removeListener: (listener: Listener) => void listeners.splice(listeners.indexOf(listener), 1),
    },
    sendMessage(message: unknown, callback: (response: unknown) => void) {
      // Structured clone, as the real channel does: nothing is shared by reference.
      const cloned = structuredClone(message);
      for (const listener of listeners) {
        let answered = false;
        const keepOpen = listener(cloned, structuredClone(shim.sender), (response) => {
          if (answered) return;
          answered = true;
          queueMicrotask(() => callback(structuredClone(response)));
        });
        if (keepOpen === true || answered) return;
      }
      runtime.lastError = { message: 'Could not establish connection. Receiving end does not exist.' };
      queueMicrotask(() => {
        callback(undefined);
        runtime.lastError = undefined;
      });
    },
  };
  const tabs = {
    sendMessage(tabId: number, message: unknown, _options: unknown, callback: (response: unknown) => void) {
      shim.tabMessages.push({ tabId, message: structuredClone(message) });
      queueMicrotask(() => callback(undefined));
    },
  };
  (globalThis as unknown as { chrome: unknown }).chrome = { runtime, tabs };
  return shim;
}
