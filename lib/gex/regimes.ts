/**
 * The one table of regimes as shown: the popup's badge name, the glance mark of the toolbar icon and
 * the chart pill (~γ near the flip), the card's words, and the icon's badge colour.
 */
import type { Regime } from './levels';

export interface RegimeLook {
  name: string;
  mark: string;
  words: string;
  /** Badge background, #rrggbb. */
  colour: string;
}

export const REGIMES: Record<Regime, RegimeLook> = {
  positive: { name: 'Positive γ', mark: '+γ', words: 'Positive γ — hedging dampens moves', colour: '#26a69a' },
  negative: { name: 'Negative γ', mark: '−γ', words: 'Negative γ — hedging amplifies moves', colour: '#ef5350' },
  transition: { name: 'Transition', mark: '~γ', words: 'Transition — near the flip', colour: '#f59f00' },
  flat: { name: 'Flat', mark: '0γ', words: 'Flat — no measurable gamma', colour: '#787b86' },
};
