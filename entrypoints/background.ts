import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { onMessage } from '../utils/messaging';

export default defineBackground({
  main() {
    onMessage('hello', ({ data, sender }) => {
      if (typeof data?.client !== 'string' || data.client.length > 64) {
        throw new Error('hello: "client" must be a short string');
      }
      return {
        name: 'gexmap' as const,
        version: browser.runtime.getManifest().version,
        now: Date.now(),
        from: sender.tab ? ('content' as const) : ('extension-page' as const),
      };
    });
  },
});
