/**
 * The one table of help texts: every number the popup and the overlay show, what it means and where it
 * comes from, in a trader's words. The popup's tooltips and its glossary, and the overlay panel's
 * tooltips, read it; a number without an entry here is a number without help.
 */

export const HELP_TERMS = {
  spot: {
    label: 'Spot',
    text: 'The underlying’s price in the chain the levels were computed from (not a live quote).',
  },
  flip: {
    label: 'Gamma flip',
    text: 'The price where dealers’ total gamma changes sign, if spot moved there. Where the total is positive dealers are modelled long gamma (they sell rallies, buy dips); where it is negative, short gamma (they chase moves). With the default signs that is usually above and below the flip; the regime says which side spot is on.',
  },
  'flip-band': {
    label: 'Flip across models',
    text: 'The range of the flip under five models of who holds what. A wide range means the flip depends on the sign assumption more than on the data.',
  },
  'call-wall': {
    label: 'Call wall',
    text: 'The strike with the largest call gamma exposure: where dealer hedging of calls is heaviest, often a ceiling while the regime is positive.',
  },
  'put-wall': {
    label: 'Put wall',
    text: 'The strike with the largest put gamma exposure: where dealer hedging of puts is heaviest, often a floor while the regime is positive.',
  },
  'same-strike-walls': {
    label: 'Walls on one strike',
    text: 'When both walls sit on the same strike (common for 0DTE), calls and puts are concentrated there together: price tends to be pinned near it until those contracts settle.',
  },
  'dominant-expiry': {
    label: 'Dominant expiry',
    text: 'The expiry holding the largest share of |GEX| struck within ±2% of spot: the one whose hedging matters most for today’s path.',
  },
  'roll-off': {
    label: 'Rolls off today',
    text: 'The share of |GEX| in contracts that settle in the current session (0DTE). When it is large, the map changes after the close.',
  },
  'hedge-flow': {
    label: 'Hedge flow per 1%',
    text: 'What dealers would trade to stay delta-neutral if the underlying moved 1%, in dollars and shares: the total GEX, which is dollars of dealer delta per 1% move. Positive gamma: they trade against the move; negative: with it.',
  },
  regime: {
    label: 'Regime',
    text: 'Positive γ: dealer hedging dampens moves. Negative γ: it amplifies them. Transition: spot is within the band around the flip, the regime can change on a small move. Flat: no measurable gamma in the chosen expiries.',
  },
  change: {
    label: 'Change',
    text: 'The change since the previous session’s latest levels, in points.',
  },
  'sign-model': {
    label: 'Sign model',
    text: 'Open interest does not say who is long. The default assumes customers buy puts and sell calls, so dealers are long calls and short puts. Every sign shown is this assumption; change it in the options.',
  },
  age: {
    label: 'Source and age',
    text: 'Where the chain came from, its time in New York, and how old it is. Stale: the last refresh failed or is overdue, the last good levels stay. Old data: the chain is from a past session.',
  },
  heatmap: {
    label: 'Strike × expiry heatmap',
    text: 'Each cell is one strike (row) and one expiry (column), coloured by the exposure chosen above on one scale shared by all cells (the legend gives its values). Hover or focus a cell for call, put, net and open interest.',
  },
  profile: {
    label: 'GEX profile',
    text: 'Bars: net GEX at each strike (left axis). Line: total GEX if spot moved to that price (right axis); it crosses zero at the flip.',
  },
  gamma: {
    label: 'Gamma',
    text: 'How fast an option’s delta changes as the underlying moves. Large gamma near spot means large re-hedging when price moves.',
  },
  delta: {
    label: 'Delta',
    text: 'How much an option’s price moves per 1-point move of the underlying; a dealer hedges by holding the opposite delta in shares or futures.',
  },
  'delta-neutral': {
    label: 'Delta-neutral',
    text: 'A book whose total delta is zero: dealers trade the underlying to stay there as prices move — the hedge flow above.',
  },
} as const satisfies Record<string, { label: string; text: string }>;

export type HelpTermId = keyof typeof HELP_TERMS;

export const HELP_TERM_IDS = Object.keys(HELP_TERMS) as HelpTermId[];

export function helpText(id: HelpTermId): string {
  return HELP_TERMS[id].text;
}
