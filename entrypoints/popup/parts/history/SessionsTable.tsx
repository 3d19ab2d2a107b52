/** The sessions as a table, newest first: each level and its change since the session stored before. */
import type { SessionRow } from '../../../../lib/gex/day-over-day';
import { formatPrice } from '../../../../lib/format/numbers';
import { formatSessionDate } from '../../../../lib/format/time';
import { Scroller } from '../Scroller';

function Cell({ value, change, digits, testId }: { value: number | null; change: number | null; digits: number; testId: string }) {
  return (
    <td data-testid={testId} data-value={value === null ? '' : String(value)}>
      {formatPrice(value, digits)}
      {change !== null && (
        <span class="change" data-change={String(change)}>
          {change > 0 ? '+' : change < 0 ? '−' : '±'}
          {Math.abs(change).toFixed(digits === 0 ? 0 : 1)}
        </span>
      )}
    </td>
  );
}

export function SessionsTable({ rows }: { rows: SessionRow[] }) {
  const newestFirst = [...rows].reverse();
  return (
    <Scroller label="Stored sessions, newest first (scrolls)" class="history-table">
      <table data-testid="history-table">
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col" title="The underlying's last price of the session">
              Spot
            </th>
            <th scope="col" title="Where total dealer gamma changes sign">
              Flip
            </th>
            <th scope="col" title="The strike with the most call gamma">
              Call wall
            </th>
            <th scope="col" title="The strike with the most put gamma">
              Put wall
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((row) => (
            <tr
              key={row.session}
              data-session={row.session}
              data-regime={row.regime}
              title={
                row.previousSession
                  ? `Changes since ${formatSessionDate(row.previousSession, { year: true })}`
                  : 'The oldest stored session'
              }
            >
              <th scope="row">{formatSessionDate(row.session)}</th>
              <Cell value={row.spot} change={row.change.spot} digits={2} testId="row-spot" />
              <Cell value={row.flip} change={row.change.flip} digits={1} testId="row-flip" />
              <Cell value={row.callWall} change={row.change.callWall} digits={0} testId="row-call-wall" />
              <Cell value={row.putWall} change={row.change.putWall} digits={0} testId="row-put-wall" />
            </tr>
          ))}
        </tbody>
      </table>
    </Scroller>
  );
}
