/**
 * Answers every request of the protocol through its rules: the sender's access is checked, the data
 * validated (lib/protocol.ts), and only then does the handler run.
 */
import type { Browser } from 'wxt/browser';
import { onMessage } from './messaging';
import {
  REQUEST_ACCESS,
  REQUEST_RULES,
  RequestError,
  validateRequest,
  type Replies,
  type RequestName,
  type RequestOf,
} from '../lib/protocol';

export type Sender = Browser.runtime.MessageSender;

export type Handlers = { [K in RequestName]: (request: RequestOf<K>, sender: Sender) => Replies[K] | Promise<Replies[K]> };

export function serveProtocol(
  handlers: Handlers,
  options: { isExtensionPage: (sender: Sender) => boolean; ready: Promise<unknown> },
): void {
  for (const name of Object.keys(REQUEST_RULES) as RequestName[]) {
    const handler = handlers[name] as (request: unknown, sender: Sender) => unknown;
    onMessage(name, (async ({ data, sender }: { data: unknown; sender: Sender }) => {
      await options.ready;
      if (REQUEST_ACCESS[name] === 'extension-pages' && !options.isExtensionPage(sender)) {
        throw new RequestError(`${name}: only the extension's own pages may do this`);
      }
      return handler(validateRequest(name, data), sender);
    }) as never);
  }
}
