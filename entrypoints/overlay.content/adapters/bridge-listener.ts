/**
 * What the readers fed by the main-world bridge share (canvas labels, chart library APIs): listen to
 * the bridge's checked events on the page's document, keep the latest message of their own type, and
 * read again when it changes or when the levels' spot (which picks the price chart) does.
 */
import { BRIDGE_CHANNEL, readBridgeEventText, type BridgeMessage } from '../../../lib/bridge';
import type { AdapterName, AdapterState, ChartAdapter } from './adapter';

/** Each bridge event read once, however many readers listen (one JSON parse, not one per reader, every frame). */
const readEvents = new WeakMap<Event, BridgeMessage | null>();

/** The bridge message an event carries, or null; shared by every reader of that event (read only). */
export function readBridgeEvent(event: Event): BridgeMessage | null {
  if (readEvents.has(event)) return readEvents.get(event)!;
  const message = readBridgeEventText((event as CustomEvent).detail);
  readEvents.set(event, message);
  return message;
}

export abstract class BridgeListeningAdapter<Kind extends BridgeMessage['type']> implements ChartAdapter {
  abstract readonly name: AdapterName;
  protected abstract readonly messageType: Kind;
  /** The latest message of this reader's type, null until one came. */
  protected latest: Extract<BridgeMessage, { type: Kind }> | null = null;
  protected expectedPrice: number | undefined;
  protected onChange: ((state: AdapterState) => void) | null = null;
  private listener: ((event: Event) => void) | null = null;

  /** Reads the latest message and reports through `onChange`. */
  protected abstract read(): void;

  start(onChange: (state: AdapterState) => void): void {
    this.onChange = onChange;
    this.listener = (event: Event) => {
      const message = readBridgeEvent(event);
      if (message?.type !== this.messageType) return;
      this.latest = message as Extract<BridgeMessage, { type: Kind }>;
      this.read();
    };
    document.addEventListener(BRIDGE_CHANNEL, this.listener);
  }

  stop(): void {
    if (this.listener) document.removeEventListener(BRIDGE_CHANNEL, this.listener);
    this.listener = null;
    this.onChange = null;
  }

  setExpectedPrice(price: number | undefined): void {
    if (price === this.expectedPrice) return;
    this.expectedPrice = price;
    this.read();
  }
}
