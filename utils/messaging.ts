/**
 * The one messaging protocol between the background and every other part (popup, options, content
 * scripts). Every handler validates its input: content scripts live within a page's reach.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';

export interface HelloReply {
  name: 'gexmap';
  version: string;
  /** UTC ms at the background when it answered. */
  now: number;
  /** Where the request came from, as the background saw it. */
  from: 'content' | 'extension-page';
}

export interface ProtocolMap {
  /** Liveness and identity: answered by the background. */
  hello(request: { client: string }): HelloReply;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
