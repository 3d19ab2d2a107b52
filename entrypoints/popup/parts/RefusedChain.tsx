/**
 * A new chain for the feed on screen was refused by the checks: why, in the checks' own words; that the
 * last good levels (with their age) are still the ones shown; and the choice to use it anyway.
 */
import type { LevelsReply, RefusedChain } from '../../../lib/protocol';
import { describeAsOf } from '../../../lib/format/time';
import { formatPrice } from '../../../lib/format/numbers';

export function RefusedChainCard({
  reply,
  refused,
  busy,
  onAccept,
}: {
  reply: LevelsReply;
  refused: RefusedChain;
  busy: string | null;
  onAccept: () => void;
}) {
  const now = Date.now();
  return (
    <section class="card refused" aria-label="Refused chain" data-testid="refused">
      <p class="refused-title">
        <strong>A new {reply.ticker} chain was not used</strong>
      </p>
      <p class="muted">
        {refused.label}, {refused.underlying} {describeAsOf(refused.asOf, now)}, {refused.contracts.toLocaleString('en-US')} contracts
        {refused.spot !== null ? `, spot ${formatPrice(refused.spot)}` : ''}.
      </p>
      <p data-testid="refused-reason">Why: {refused.reason}.</p>
      <p data-testid="refused-shown">
        {reply.levels && reply.source
          ? `Still shown: the last good levels, ${describeAsOf(reply.source.asOf, now)}.`
          : `There are no earlier good ${reply.ticker} levels from this source to show instead.`}
      </p>
      {refused.acceptable ? (
        <button type="button" onClick={onAccept} disabled={busy !== null}>
          Use this chain anyway
        </button>
      ) : (
        <p class="muted">This chain cannot be used: its levels would not be numbers.</p>
      )}
    </section>
  );
}
