/**
 * The levels card: whose numbers (ticker, session, source, age), the levels with their change since the
 * previous session and a help text each, and export. While other numbers are on their way the card
 * greys these and stops copying them.
 */
import { useState } from 'preact/hooks';
import type { LevelsReply } from '../../../lib/protocol';
import { levelsAsCsv, levelsAsPriceList } from '../../../lib/gex/export';
import { formatPrice, formatShare } from '../../../lib/format/numbers';
import { describeHedgeFlow } from '../../../lib/format/hedge-flow';
import { describeAsOf, formatSessionDate, oldDataNote } from '../../../lib/format/time';
import { sessionOfInstant } from '../../../lib/market/sessions';
import { Term } from './Term';
import { REGIMES } from '../../../lib/gex/regimes';
import { describeProviderError } from '../../../lib/providers/types';
import { FLIP_MODELS } from '../../../lib/gex/flip-models';

/** The change since the previous session: a second description of its term, in the third column. */
function Change({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined)
    return (
      <dd class="change">
        <span class="sr-only">no previous session to compare </span>—
      </dd>
    );
  return (
    <dd class="change" title="Change since the previous session’s latest levels">
      <span class="sr-only">change since the previous session </span>
      {`${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(1)}`}
    </dd>
  );
}

export function Summary({
  reply,
  busy,
  pending,
  onRefresh,
}: {
  reply: LevelsReply;
  busy: string | null;
  pending: string | null;
  onRefresh: () => void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const levels = reply.levels!;
  const source = reply.source!;
  const diff = reply.diff;
  const now = Date.now();
  const old = oldDataNote(source.asOf, now);
  const session = formatSessionDate(sessionOfInstant(source.asOf).date, { year: old !== null });
  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(`${what} copied.`);
    } catch {
      setNotice(`${what}: ${text}`);
    }
  }
  return (
    <section class={pending ? 'card pending' : 'card'} aria-label="Summary" data-testid="summary" aria-busy={pending !== null}>
      <h2 class="card-title" data-testid="card-title">
        {reply.ticker}{' '}
        <span class="muted">
          · {session} session · {levels.expiryFilter}
        </span>
      </h2>
      {pending && (
        <p class="stale" data-testid="pending" role="status">
          {pending}
        </p>
      )}
      {levels.contractsUsed === 0 ? (
        <p class="error" data-testid="filter-empty">
          No expiry in this chain matches “{levels.expiryFilter}” (expiries settled before the chain’s time are gone): there is nothing to
          compute. Choose a later date or All expiries.
        </p>
      ) : (
        <dl class="summary">
          <div>
            <dt>
              <Term id="regime" />
            </dt>
            <dd data-testid="regime-words">{REGIMES[levels.regime].words}</dd>
          </div>
          <div>
            <dt>
              <Term id="spot" />
            </dt>
            <dd data-testid="spot">{formatPrice(levels.spot)}</dd>
            <Change value={diff?.spot.change} />
          </div>
          <div>
            <dt>
              <Term id="flip" />
            </dt>
            <dd>
              <span data-testid="flip">
                {levels.flip !== null ? formatPrice(levels.flip, 1) : levels.flipNone ? `none (${levels.flipNone.side})` : '—'}
              </span>
              {levels.flipBand && (
                <span class="band" data-testid="flip-band" title="The flip under five models of who holds what (open the list below)">
                  {' '}
                  ({formatPrice(levels.flipBand.low, 0)}–{formatPrice(levels.flipBand.high, 0)} across{' '}
                  {levels.flipModels.filter((model) => model.flip !== null).length} models)
                </span>
              )}
            </dd>
            <Change value={diff?.flip.change} />
          </div>
          <div>
            <dt>
              <Term id="call-wall" />
            </dt>
            <dd data-testid="call-wall">{formatPrice(levels.callWall, 0)}</dd>
            <Change value={diff?.callWall.change} />
          </div>
          <div>
            <dt>
              <Term id="put-wall" />
            </dt>
            <dd>
              <span data-testid="put-wall">{formatPrice(levels.putWall, 0)}</span>
              {levels.callWall !== null && levels.callWall === levels.putWall && (
                <span class="band" data-testid="same-strike">
                  {' '}
                  <Term id="same-strike-walls">(both walls)</Term>
                </span>
              )}
            </dd>
            <Change value={diff?.putWall.change} />
          </div>
          <div>
            <dt>
              <Term id="dominant-expiry" />
            </dt>
            <dd data-testid="dominant">
              {levels.dominantExpiry ? `${levels.dominantExpiry.expiry} · ${formatShare(levels.dominantExpiry.share)}` : '—'}
            </dd>
          </div>
          <div>
            <dt>
              <Term id="roll-off" />
            </dt>
            <dd data-testid="zero-dte">
              {formatShare(levels.zeroDteShare)} (0DTE, {levels.zeroDteSession})
            </dd>
          </div>
          <div>
            <dt>
              <Term id="hedge-flow">Hedge flow / 1%</Term>
            </dt>
            <dd data-testid="hedge-flow">{describeHedgeFlow(levels.hedgeFlowPerPct)}</dd>
          </div>
        </dl>
      )}
      <div class="source-row">
        <p class={reply.stale || old ? 'stale' : 'muted'} data-testid="source" style={{ margin: '6px 0 0' }}>
          {source.label} · {describeAsOf(source.asOf, now)}
          {old ? ` · ${old}` : ''}
          {source.delayed ? ' · delayed' : ''}
          {reply.stale ? ` · STALE${reply.status.lastError ? `: ${describeProviderError(reply.status.lastError)}` : ''}` : ''}
        </p>
        <Term id="age" name="About the source and the data’s age">
          <span class="term-icon" aria-hidden="true">
            ?
          </span>
        </Term>
      </div>
      {levels.flipModels.length > 0 && (
        <details data-testid="flip-models">
          <summary>The flip under each model</summary>
          <ul class="models">
            {levels.flipModels.map((model) => (
              <li key={model.model} data-model={model.model}>
                <strong>{model.model}</strong> {model.flip !== null ? formatPrice(model.flip, 1) : `no flip (GEX ${model.side} throughout)`}{' '}
                — <span class="muted">{FLIP_MODELS.find((info) => info.model === model.model)?.description}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p class="muted" style={{ margin: '4px 0 0' }} data-testid="assumptions">
        <Term id="sign-model">sign model: {levels.signModel} (an assumption)</Term>
        {reply.assumptions
          ? ` · rate ${(reply.assumptions.rate * 100).toFixed(2)}%, dividends ${(reply.assumptions.dividendYield * 100).toFixed(2)}%`
          : ''}
      </p>
      <div class="row" style={{ marginTop: '6px' }}>
        <button type="button" onClick={onRefresh} disabled={busy !== null}>
          {busy === 'Refreshing…' ? 'Refreshing…' : 'Refresh'}
        </button>
        <button
          type="button"
          disabled={pending !== null}
          onClick={() => void copy(levelsAsPriceList(levels), 'Price list for TradingView')}
        >
          Copy for TradingView
        </button>
        <button type="button" disabled={pending !== null} onClick={() => void copy(levelsAsCsv(levels, diff), 'CSV')}>
          Copy CSV
        </button>
      </div>
      {notice && (
        <p role="status" class="muted" data-testid="notice">
          {notice}
        </p>
      )}
    </section>
  );
}
