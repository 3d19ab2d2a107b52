/** The levels card: regime numbers with their change since the previous session, source and age, export. */
import { useState } from 'preact/hooks';
import type { LevelsReply } from '../../../lib/protocol';
import { levelsAsCsv, levelsAsPriceList } from '../../../lib/gex/export';
import { formatPrice, formatShare } from '../../../lib/format/numbers';
import { describeHedgeFlow } from '../../../lib/format/hedge-flow';
import { describeAsOf, oldDataNote } from '../../../lib/format/time';
import { describeProviderError } from '../../../lib/providers/types';
import { FLIP_MODELS } from '../../../lib/gex/flip-models';

function Change({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <span class="change">—</span>;
  return <span class="change" title="Change since the previous session">{`${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(1)}`}</span>;
}

export function Summary({ reply, busy, onRefresh }: { reply: LevelsReply; busy: string | null; onRefresh: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const levels = reply.levels!;
  const source = reply.source!;
  const diff = reply.diff;
  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(`${what} copied.`);
    } catch {
      setNotice(`${what}: ${text}`);
    }
  }
  return (
    <section class="card" aria-label="Summary" data-testid="summary">
      <dl class="summary">
        <dt>Spot</dt>
        <dd data-testid="spot">{formatPrice(levels.spot)}</dd>
        <Change value={diff?.spot.change} />
        <dt>Gamma flip</dt>
        <dd>
          <span data-testid="flip">{levels.flip !== null ? formatPrice(levels.flip, 1) : levels.flipNone ? `none (${levels.flipNone.side})` : '—'}</span>
          {levels.flipBand && (
            <span class="band" data-testid="flip-band" title="The flip under five models of who holds what (open the list below)">
              {' '}({formatPrice(levels.flipBand.low, 0)}–{formatPrice(levels.flipBand.high, 0)} across {levels.flipModels.filter((model) => model.flip !== null).length} models)
            </span>
          )}
        </dd>
        <Change value={diff?.flip.change} />
        <dt>Call wall</dt>
        <dd data-testid="call-wall">{formatPrice(levels.callWall, 0)}</dd>
        <Change value={diff?.callWall.change} />
        <dt>Put wall</dt>
        <dd data-testid="put-wall">{formatPrice(levels.putWall, 0)}</dd>
        <Change value={diff?.putWall.change} />
        <dt>Dominant expiry</dt>
        <dd data-testid="dominant">{levels.dominantExpiry ? `${levels.dominantExpiry.expiry} · ${formatShare(levels.dominantExpiry.share)}` : '—'}</dd>
        <span />
        <dt>Rolls off today</dt>
        <dd data-testid="zero-dte">
          {formatShare(levels.zeroDteShare)} (0DTE, {levels.zeroDteSession})
        </dd>
        <span />
        <dt>Hedge flow / 1%</dt>
        <dd data-testid="hedge-flow">
          {describeHedgeFlow(levels.hedgeFlowPerPct)}
        </dd>
        <span />
      </dl>
      <p class={reply.stale ? 'stale' : 'muted'} data-testid="source" style={{ margin: '6px 0 0' }}>
        {source.label} · {describeAsOf(source.asOf, Date.now())}
        {oldDataNote(source.asOf, Date.now()) ? ` · ${oldDataNote(source.asOf, Date.now())}` : ''}
        {source.delayed ? ' · delayed' : ''}
        {reply.stale ? ` · STALE${reply.status.lastError ? `: ${describeProviderError(reply.status.lastError)}` : ''}` : ''}
      </p>
      {levels.flipModels.length > 0 && (
        <details data-testid="flip-models">
          <summary>The flip under each model</summary>
          <ul class="models">
            {levels.flipModels.map((model) => (
              <li key={model.model} data-model={model.model}>
                <strong>{model.model}</strong> {model.flip !== null ? formatPrice(model.flip, 1) : `no flip (GEX ${model.side} throughout)`} —{' '}
                <span class="muted">{FLIP_MODELS.find((info) => info.model === model.model)?.description}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p class="muted" style={{ margin: '4px 0 0' }} data-testid="assumptions">
        {levels.expiryFilter} · sign model: {levels.signModel} (an assumption)
        {reply.assumptions ? ` · rate ${(reply.assumptions.rate * 100).toFixed(2)}%, dividend yield ${(reply.assumptions.dividendYield * 100).toFixed(2)}%` : ''}
      </p>
      <div class="row" style={{ marginTop: '6px' }}>
        <button type="button" onClick={onRefresh} disabled={busy !== null}>
          {busy === 'Refreshing…' ? 'Refreshing…' : 'Refresh'}
        </button>
        <button type="button" onClick={() => void copy(levelsAsPriceList(levels), 'Price list for TradingView')}>
          Copy for TradingView
        </button>
        <button type="button" onClick={() => void copy(levelsAsCsv(levels, diff), 'CSV')}>
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
