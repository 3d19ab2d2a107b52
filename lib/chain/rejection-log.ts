/**
 * Rejected rows, counted in full but listed only up to a limit: a 10 MB file of garbage lines must not
 * become a million reason strings held in memory (and shown to nobody).
 */
import type { RejectedRow } from './model';

/** How many rejections a snapshot lists; the rest are counted (ChainIntegrity.rejections). */
export const MAX_LISTED_REJECTIONS = 1000;

export class RejectionLog {
  readonly listed: RejectedRow[] = [];
  count = 0;

  add(where: string, reason: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_REJECTIONS) this.listed.push({ where, reason });
  }

  /** "line 7: bad expiration date ..." for the first rejection, for messages. */
  first(): string {
    const row = this.listed[0];
    return row ? `${row.where}: ${row.reason}` : 'none';
  }
}
