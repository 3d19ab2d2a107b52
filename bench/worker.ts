/**
 * npm run bench:worker — the background worker in real Chromium: from an SPX-sized payload served on
 * localhost to levels stored (the worker's own measure, and the round trip a page sees), and the
 * worker's JS heap after loading it (via the DevTools protocol, after a forced GC).
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchChromiumWithExtension } from '../tests/e2e/helpers/chromium';
import { startServer } from '../tests/e2e/helpers/server';
import { ask } from '../tests/e2e/helpers/protocol';
import type { FeedStatus } from '../lib/protocol';
import { SAMPLE_SNAPSHOT } from '../lib/providers/sample';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const json = process.argv.includes('--json');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const csv = gunzipSync(await readFile(fileURLToPath(new URL(`../assets/${SAMPLE_SNAPSHOT.path}`, import.meta.url)))).toString('utf8');
const server = await startServer({});
server.route('/chains/SPX.csv', (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/csv' });
  response.end(csv);
});
const browser = await launchChromiumWithExtension();
try {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await ask(page, 'updateSettings', { provider: 'custom', customUrl: `${server.origin}/chains/{ticker}.csv`, ticker: 'SPX' });
  const inWorker: number[] = [];
  const roundTrip: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now();
    const status = await ask<FeedStatus>(page, 'refresh', {});
    const elapsed = performance.now() - start;
    if (status.lastError) throw new Error(`refresh failed: ${status.lastError.message}`);
    if (i >= 3) {
      inWorker.push(status.lastDurationMs ?? NaN);
      roundTrip.push(elapsed);
    }
  }
  // The worker's heap: attach to its target through the page's DevTools session.
  const cdp = await browser.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.includes(browser.extensionId));
  let heapMb = NaN;
  if (worker) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let nextId = 1;
    const pending = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) pending.get(message.id)?.(message.result);
    });
    const send = (method: string, params: object = {}) =>
      new Promise<unknown>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    await send('HeapProfiler.enable');
    await send('HeapProfiler.collectGarbage');
    const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number };
    heapMb = usage.usedSize / 1024 / 1024;
  }
  const result = {
    refreshInWorkerMs: median(inWorker),
    refreshRoundTripMs: median(roundTrip),
    workerHeapMb: Math.round(heapMb * 10) / 10,
    runs,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`SPX payload (${(csv.length / 1e6).toFixed(2)} MB CSV) from localhost to levels stored, ${runs} runs after 3 warm-ups:`);
    console.log(
      `  in the worker (fetch, parse, levels, heatmap, profile, IndexedDB + storage writes): median ${result.refreshInWorkerMs.toFixed(0)} ms (min ${Math.min(...inWorker)}, max ${Math.max(...inWorker)})`,
    );
    console.log(
      `  round trip from an extension page:                                                 median ${result.refreshRoundTripMs.toFixed(0)} ms`,
    );
    console.log(`  worker JS heap after a forced GC: ${result.workerHeapMb} MB`);
  }
} finally {
  await browser.close();
  await server.close();
}
