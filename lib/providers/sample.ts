/** The bundled sample: one real SPX snapshot (CBOE quote-table CSV), so everything works offline. */

export const SAMPLE_SNAPSHOT = {
  /** Path inside the extension (and under assets/ in the repository); gzip-compressed CSV. */
  path: 'sample/cboe-spx-2024-01-07.csv.gz',
  underlying: 'SPX',
  /** The day the file was saved (a Sunday: it holds Friday 2024-01-05's closing data). */
  date: '2024-01-07',
  /** What the UI always shows next to sample numbers. */
  label: 'Sample data: SPX, CBOE delayed quotes (the Fri Jan 5, 2024 close)',
  provider: 'sample',
} as const;

/** Decompresses the gzipped sample with the platform's DecompressionStream (browsers and Node 18+). */
export async function gunzipText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
