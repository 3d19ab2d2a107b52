/** The protocol (lib/protocol.ts) bound to the browser's runtime messaging. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '../lib/protocol';

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
