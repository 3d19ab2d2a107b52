/** Which triggers fire and how near or far counts (for every ticker with alerts on). Percent in the form, fractions in the settings. */
import { useEffect, useState } from 'preact/hooks';
import type { AlertSettings, AlertTriggers } from '../../../../lib/alerts/alert-settings';

type Rules = Omit<AlertSettings, 'tickers'>;

const TRIGGERS: [keyof AlertTriggers, string, string][] = [
  ['flipCross', 'Price crosses the gamma flip', 'Above the flip dealers tend to damp moves; below it they tend to amplify them.'],
  ['wallNear', 'Price comes near a wall', 'The call wall often caps rallies and the put wall often holds drops.'],
  [
    'regimeChange',
    'The regime turns',
    'Total dealer gamma at the price turns positive or negative without price crossing the flip (the flip moved).',
  ],
  ['levelMove', 'A level moves during the session', 'The flip or a wall moved away from where the session’s first levels put it.'],
];

const percent = (fraction: number) => String(Math.round(fraction * 100 * 1000) / 1000);

export function AlertRules({ alerts, onSave }: { alerts: AlertSettings; onSave: (rules: Rules) => void }) {
  const [draft, setDraft] = useState({
    triggers: alerts.triggers,
    wall: percent(alerts.wallDistance),
    move: percent(alerts.levelMove),
    band: percent(alerts.hysteresis),
    quiet: String(alerts.quietMinutes),
  });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(
    () =>
      setDraft({
        triggers: alerts.triggers,
        wall: percent(alerts.wallDistance),
        move: percent(alerts.levelMove),
        band: percent(alerts.hysteresis),
        quiet: String(alerts.quietMinutes),
      }),
    [alerts],
  );
  const field = (name: 'wall' | 'move' | 'band' | 'quiet', label: string, unit: string, help: string) => (
    <label title={help}>
      {label}{' '}
      <input
        type="number"
        min={0}
        step="any"
        size={5}
        aria-label={`${label} (${unit})`}
        value={draft[name]}
        onInput={(event) => setDraft({ ...draft, [name]: (event.target as HTMLInputElement).value })}
      />{' '}
      {unit}
    </label>
  );
  return (
    <form
      class="alert-rules"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const [wall, move, band, quiet] = [draft.wall, draft.move, draft.band, draft.quiet].map(Number);
        if (![wall, move, band, quiet].every(Number.isFinite))
          return setProblem('Each distance is a number of percent, the quiet period a number of minutes.');
        setProblem(null);
        onSave({
          triggers: draft.triggers,
          wallDistance: wall / 100,
          levelMove: move / 100,
          hysteresis: band / 100,
          quietMinutes: Math.round(quiet),
        });
      }}
    >
      {TRIGGERS.map(([name, label, help]) => (
        <label key={name} title={help}>
          <input
            type="checkbox"
            checked={draft.triggers[name]}
            onChange={(event) =>
              setDraft({ ...draft, triggers: { ...draft.triggers, [name]: (event.target as HTMLInputElement).checked } })
            }
          />{' '}
          {label}
        </label>
      ))}
      {field('wall', 'Near a wall: within', '% of price', 'How close to a wall counts as at it.')}
      {field('move', 'A level moved: more than', '% of price', 'How far the flip or a wall must move from the session’s first levels.')}
      {field(
        'band',
        'Past a line by',
        '% of price',
        'Hysteresis: price must go this far past a line before it counts as on the other side, so a price hovering at a level does not alert again and again.',
      )}
      {field('quiet', 'Then quiet for', 'minutes', 'After an alert, the same alert waits this long before it can fire again.')}
      <p class="row">
        <button type="submit">Save alert rules</button>
        {problem && <span class="error">{problem}</span>}
      </p>
    </form>
  );
}
