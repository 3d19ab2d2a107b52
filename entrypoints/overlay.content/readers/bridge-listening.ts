/**
 * What the readers fed by the main-world bridge share (TradingView, chart APIs, canvas labels): listen
 * to the bridge's checked events on the page's document until the signal aborts, keep the latest
 * message of their own types, and read again when it changes (or when an input they follow does). A
 * reader that starts asks the bridge for what it saw before (once per task, however many start).
 */
import { BRIDGE_CHANNEL, BRIDGE_HELLO, readBridgeEventText, type BridgeMessage } from '../../../lib/bridge';
import { reportUntil, type OverlayReader, type ReaderContext, type Report } from './reader';

/** Each bridge event read once, however many readers listen (one JSON parse, not one per reader, every frame). */
const readEvents = new WeakMap<Event, BridgeMessage | null>();

function readBridgeEvent(event: Event): BridgeMessage | null {
  if (readEvents.has(event)) return readEvents.get(event)!;
  const message = readBridgeEventText((event as CustomEvent).detail);
  readEvents.set(event, message);
  return message;
}

let helloPending = false;
/** Asks the bridge (which ran from the page's start) to send everything again: once, after this task's readers listen. */
function askBridgeAgain(): void {
  if (helloPending) return;
  helloPending = true;
  queueMicrotask(() => {
    helloPending = false;
    document.dispatchEvent(new CustomEvent(BRIDGE_HELLO));
  });
}

export abstract class BridgeListeningReader<Kind extends BridgeMessage['type']> implements OverlayReader {
  protected abstract readonly messageTypes: readonly Kind[];
  /** The latest message of this reader's types, null until one came. */
  protected latest: Extract<BridgeMessage, { type: Kind }> | null = null;
  protected report: Report = () => undefined;

  constructor(protected readonly context: ReaderContext) {}

  /** Reads the latest message and reports. */
  protected abstract read(): void;

  /** Whether a change of the inputs (the levels' spot) calls for a new read. */
  protected readonly followsInputs: boolean = false;

  start(signal: AbortSignal, report: Report): void {
    this.report = reportUntil(signal, report);
    const types: readonly string[] = this.messageTypes;
    document.addEventListener(
      BRIDGE_CHANNEL,
      (event) => {
        const message = readBridgeEvent(event);
        if (!message || !types.includes(message.type)) return;
        this.latest = message as Extract<BridgeMessage, { type: Kind }>;
        this.read();
      },
      { signal },
    );
    if (this.followsInputs) this.context.inputs.watch(signal, () => this.read());
    askBridgeAgain();
  }
}
