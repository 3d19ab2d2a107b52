/**
 * The toolbar icon's badge: the active ticker's regime at a glance (+γ, −γ, ~γ near the flip) and a
 * stale mark ("!") when its levels are not fresh or from a past session, with the full story in the
 * icon's title. Recomputed whenever a feed or a setting changes, and by the clock (levels turn stale
 * and old while nothing else happens).
 */
import { isStaleNow, type LevelsReply } from '../protocol';
import { describeProviderError } from '../providers/types';
import { describeAsOf } from '../format/time';
import { formatPrice } from '../format/numbers';
import { REGIMES } from '../gex/regimes';

export interface BadgeLook {
  text: string;
  /** Background colour, #rrggbb. */
  colour: string;
  /** The icon's tooltip. */
  title: string;
}

const STALE_COLOUR = '#787b86';

function badgeFor(reply: LevelsReply, now: number): BadgeLook {
  const levels = reply.levels;
  if (!levels || !reply.source) {
    const why = reply.status.lastError ? describeProviderError(reply.status.lastError) : 'not loaded yet';
    return { text: '?', colour: STALE_COLOUR, title: `gexmap — ${reply.ticker}: no levels (${why})` };
  }
  const stale = isStaleNow(reply, now);
  const old = reply.oldAfter !== null && now >= reply.oldAfter;
  const regime = levels.regime === 'transition' ? 'near the flip (transition)' : `${levels.regime} gamma`;
  const flip = levels.flip !== null ? `flip ${formatPrice(levels.flip, 1)}` : 'no flip in range';
  const marks = [
    stale ? `stale${reply.status.lastError ? `: ${describeProviderError(reply.status.lastError)}` : ''}` : null,
    old ? 'old data (a past session)' : null,
  ].filter(Boolean);
  return {
    text: `${REGIMES[levels.regime].mark}${stale || old ? '!' : ''}`,
    colour: stale || old ? STALE_COLOUR : REGIMES[levels.regime].colour,
    title: `gexmap — ${reply.ticker}: ${regime}, ${flip} · ${describeAsOf(reply.source.asOf, now)}${marks.length ? ` · ${marks.join(' · ')}` : ''} · sign model: ${levels.signModel} (assumed)`,
  };
}

/** Keeps the badge in step: `update()` after any change; at most one look computed at a time. */
export class ToolbarBadge {
  private running: Promise<void> | null = null;
  private again = false;
  private shown = '';

  constructor(
    private readonly deps: {
      levels: () => Promise<LevelsReply>;
      now: () => number;
      show: (look: BadgeLook) => Promise<void>;
    },
  ) {}

  update(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const look = badgeFor(await this.deps.levels(), this.deps.now());
          const key = JSON.stringify(look);
          if (key !== this.shown) {
            await this.deps.show(look);
            this.shown = key;
          }
        } while (this.again);
      } catch {
        // A badge is a hint: a failure to read or draw it must not break anything else.
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
