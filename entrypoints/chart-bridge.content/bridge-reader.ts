/**
 * What the main-world readers share: their shape (started with an outlet, they can send everything
 * again when the overlay asks), an outlet that posts only what changed, and a frame loop that runs
 * only while the tab is visible.
 */
import { bridgeEventText, type BridgeMessage } from '../../lib/bridge';

export interface BridgeReader {
  /** Sends what it reads now again, changed or not (the overlay started late, or a reader of it did). */
  resend(): void;
}

export interface Outlet {
  /** Sends the message unless it reads exactly as the last one sent. */
  post(message: BridgeMessage): void;
  /** The next message goes out whatever it is. */
  again(): void;
}

/** An outlet onto `send` (which delivers a message's checked text to the overlay). */
export function outletTo(send: (text: string) => void): Outlet {
  let last = '';
  return {
    post: (message) => {
      const text = bridgeEventText(message);
      if (text === last) return;
      last = text;
      send(text);
    },
    again: () => {
      last = '';
    },
  };
}

export interface FrameLoop {
  /** Runs `tick` in the next animation frame (once however often asked), while the tab is visible. */
  run(): void;
  stop(): void;
}

/** Runs `tick` each animation frame from `run()` on, while it returns true and the tab is visible (hiding it stops the loop). */
export function frameLoop(tick: () => boolean): FrameLoop {
  let frame = 0;
  const step = () => {
    frame = 0;
    if (tick()) run();
  };
  const run = () => {
    if (!frame && document.visibilityState === 'visible') frame = requestAnimationFrame(step);
  };
  const stop = () => {
    cancelAnimationFrame(frame);
    frame = 0;
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') stop();
  });
  return { run, stop };
}
