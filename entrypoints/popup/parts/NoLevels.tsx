/**
 * No levels for the ticker: the plain reason and the ways on — try again, the bundled sample (levels in
 * one click, no network needed), or a chain file of one's own (the options page imports it).
 */
import { browser } from 'wxt/browser';
import type { LevelsReply } from '../../../lib/protocol';
import { describeProviderError } from '../../../lib/providers/types';
import { SAMPLE_SNAPSHOT } from '../../../lib/providers/sample';

/** Shown only while nothing is loading. `quiet`: another message is on screen; the card keeps its ways on but not a second reason. */
export function NoLevels({
  reply,
  quiet,
  onRetry,
  onSample,
}: {
  reply: LevelsReply;
  quiet: boolean;
  onRetry: () => void;
  onSample: () => void;
}) {
  const reason = reply.status.lastError && reply.status.lastError.kind !== 'refused' ? describeProviderError(reply.status.lastError) : null;
  return (
    <section class="card problem" aria-label="No levels">
      {!quiet && (
        <p class="error" data-testid="no-levels">
          No levels for {reply.ticker}
          {reason ? ` — ${reason}` : ''}.
        </p>
      )}
      <div class="row">
        <button type="button" onClick={onRetry}>
          Retry
        </button>
        <button type="button" data-testid="use-sample" onClick={onSample}>
          Use the bundled sample ({SAMPLE_SNAPSHOT.underlying}, {SAMPLE_SNAPSHOT.date})
        </button>
        <a class="button" href={browser.runtime.getURL('/options.html#import')} target="_blank" rel="noreferrer">
          Import a file
        </a>
      </div>
    </section>
  );
}
