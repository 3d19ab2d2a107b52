/**
 * The one table of level kinds: the key drawn on charts (`data-level`, the test contract), the
 * settings key that holds its line choice and colour, its names, and its default colour. Every place
 * that names or colours a level reads it from here.
 */

export const LEVEL_KINDS = [
  { kind: 'flip', setting: 'flip', label: 'Gamma flip', short: 'Flip', mark: 'F', colour: '#ffb300' },
  { kind: 'call-wall', setting: 'callWall', label: 'Call wall', short: 'Call wall', mark: 'C', colour: '#26a69a' },
  { kind: 'put-wall', setting: 'putWall', label: 'Put wall', short: 'Put wall', mark: 'P', colour: '#ef5350' },
  { kind: 'abs-gamma', setting: 'absGamma', label: 'Absolute-gamma strike', short: 'Abs γ', mark: 'A', colour: '#ab47bc' },
  { kind: 'node', setting: 'node', label: 'Top net node', short: 'Node', mark: 'N', colour: '#90a4ae' },
] as const;

export type LevelKindInfo = (typeof LEVEL_KINDS)[number];
export type LevelKind = LevelKindInfo['kind'];
type LevelSetting = LevelKindInfo['setting'];

/** Beside the level kinds, what the overlay's panel can hide on a site: the flip band and the previous session's lines. */
const OTHER_HIDEABLE = ['flip-band', 'previous'] as const;
export type Hideable = LevelKind | (typeof OTHER_HIDEABLE)[number];
/** Everything a trader can hide on a site, level kinds first (the site state's rule is written from this). */
export const HIDEABLE: readonly Hideable[] = [...LEVEL_KINDS.map((info) => info.kind), ...OTHER_HIDEABLE];

/** Line colours by settings key (#rrggbb). */
export type LineColours = Record<LevelSetting, string>;

export const DEFAULT_LINE_COLOURS: LineColours = Object.fromEntries(LEVEL_KINDS.map((info) => [info.setting, info.colour])) as LineColours;

const BY_KIND = new Map<string, LevelKindInfo>(LEVEL_KINDS.map((info) => [info.kind, info]));

export function levelKind(kind: LevelKind): LevelKindInfo {
  return BY_KIND.get(kind)!;
}

/** The colour a kind is drawn in, with the user's colours when given. */
export function levelColour(kind: LevelKind, colours?: LineColours | null): string {
  const info = levelKind(kind);
  return colours?.[info.setting] ?? info.colour;
}

/** Colour-blind-safe neither-good-nor-bad colours for data that is not a level (spot, the profile curve). */
export const SPOT_COLOUR = '#2962ff';
