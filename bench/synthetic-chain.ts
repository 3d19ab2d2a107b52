/**
 * A synthetic chain N times the size of a real quote-table CSV: each row is followed by its copies, each
 * struck a little higher (copy * strikeStep points), so the structure (expiries, IVs, open interest) and
 * the order CBOE writes (by expiry, then strike) stay realistic. Keep factor * strikeStep below the
 * source's smallest strike gap (5 for SPX), or copies collide with real strikes and become repeats.
 */
export function scaleQuoteTableCsv(text: string, factor: number, strikeStep = 0.25): string {
  const lines = text.split('\n');
  const header = lines.findIndex((line) => line.startsWith('Expiration Date,'));
  const rows = lines.slice(header + 1).filter((line) => line.trim() !== '');
  const out = lines.slice(0, header + 1);
  for (const row of rows) {
    out.push(row);
    const fields = row.split(',');
    for (let copy = 1; copy < factor; copy++) {
      const strike = Math.round((Number(fields[11]) + copy * strikeStep) * 1000) / 1000;
      const strikeDigits = String(Math.round(strike * 1000)).padStart(8, '0');
      const copied = [...fields];
      copied[1] = fields[1].slice(0, -8) + strikeDigits;
      copied[12] = fields[12].slice(0, -8) + strikeDigits;
      copied[11] = strike.toFixed(strikeStep < 0.01 ? 3 : 2);
      out.push(copied.join(','));
    }
  }
  // CBOE exports end every row, the last included, with a newline.
  return `${out.join('\n')}\n`;
}
