/**
 * Storage stays bounded: chains kept compactly (only what the engine reads) and written only when they
 * changed; feeds nobody viewed for a week evicted; past the budget, the least recently viewed go first;
 * the feeds on screen are kept whatever their age.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { analyzeChain } from '../../../lib/gex/analyze';
import { assumptionsFor } from '../../../lib/gex/assumptions';
import { compactBytes, compactChain, expandChain } from '../../../lib/service/compact-chain';
import { EVICT_AFTER_MS } from '../../../lib/service/feeds';
import { openDatabase } from '../../../utils/database';
import { serviceStorage } from '../../../utils/storage';
import { FIXTURES, fixtureText } from '../fixtures';
import { harness, URL_TEMPLATE } from './harness';

const DAY = 24 * 3600 * 1000;

describe('compact chains', () => {
  it.each(Object.values(FIXTURES))('%s: the engine gives the same numbers from the stored chain, in a fraction of the room', (name) => {
    const snapshot = parseChainText(fixtureText(name));
    const compact = compactChain(snapshot);
    const restored = expandChain(structuredClone(compact));
    const assumptions = assumptionsFor(snapshot.underlying);
    expect(analyzeChain(restored, assumptions).levels).toEqual(analyzeChain(snapshot, assumptions).levels);
    expect(analyzeChain(restored, assumptions).forwards()).toEqual(analyzeChain(snapshot, assumptions).forwards());
    expect(restored.contracts.map((contract) => contract.occ)).toEqual(snapshot.contracts.map((contract) => contract.occ));
    // Against the whole snapshot as JSON (what 0.1 effectively stored): well under a third.
    expect(compactBytes(compact)).toBeLessThan(JSON.stringify(snapshot).length / 3);
  });

  it('reads a chain 0.1 stored whole (frozen shape: the snapshot itself)', async () => {
    const database = openDatabase(new IDBFactory());
    const snapshot = parseChainText(fixtureText(FIXTURES.nvda));
    await database.chains.write('file:NVDA', snapshot as never);
    const read = await serviceStorage(database).readChain('file:NVDA');
    expect(read?.contracts).toHaveLength(snapshot.contracts.length);
  });
});

describe('bounded storage', () => {
  const answerEverything = (service: ReturnType<typeof harness>) =>
    service.host.answer('http://127.0.0.1:9/chains/', (url) => ({
      body: fixtureText(url.endsWith('SPY.csv') ? FIXTURES.spy : url.endsWith('NVDA.csv') ? FIXTURES.nvda : FIXTURES.spx),
    }));

  it('writes a chain only when it changed', async () => {
    const service = harness();
    await service.changes.update({ provider: 'custom', customUrl: URL_TEMPLATE, ticker: 'SPX' });
    answerEverything(service);
    let writes = 0;
    const write = service.storage.writeChain;
    service.storage.writeChain = async (...args) => {
      const stored = await write(...args);
      if (stored.written) writes++;
      return stored;
    };
    await service.feeds.refresh('SPX', 'extension');
    service.clock.now += 5 * 60000;
    await service.feeds.refresh('SPX', 'extension'); // the same chain again: nothing written
    expect(writes).toBe(1);
    const status = await service.feeds.status('custom', 'SPX');
    expect(status.chain?.bytes).toBeGreaterThan(1e6);
    expect(status.chain?.bytes).toBeLessThan(3e6);
  });

  it('evicts feeds nobody viewed for a week, keeps the one on screen, and keeps their history', async () => {
    const service = harness();
    await service.changes.update({ provider: 'custom', customUrl: URL_TEMPLATE, ticker: 'SPX' });
    answerEverything(service);
    await service.questions.getLevels({ ticker: 'NVDA' });
    await service.questions.getLevels({ ticker: 'SPX' });
    service.clock.now += EVICT_AFTER_MS + DAY;
    expect(await service.feeds.sweep()).toEqual(['custom:NVDA']);
    expect(await service.storage.readChain('custom:NVDA')).toBeNull();
    expect(await service.storage.cache('custom:NVDA').get()).toBeNull();
    expect(await service.storage.readChain('custom:SPX')).not.toBeNull(); // the popup's ticker
    expect(await service.storage.history('NVDA').get()).toHaveLength(1);
  });

  it('past the budget, drops the least recently viewed chains first', async () => {
    const service = harness(undefined, undefined, undefined, { budgetBytes: 2_000_000 });
    await service.changes.update({ provider: 'custom', customUrl: URL_TEMPLATE, ticker: 'QQQ' });
    answerEverything(service);
    for (const ticker of ['SPX', 'SPY', 'NVDA']) {
      await service.questions.getLevels({ ticker });
      service.clock.now += 2 * 3600 * 1000; // viewed two hours apart: SPX least recently
    }
    const usage = await service.feeds.usage();
    expect(usage.chainBytes).toBeLessThanOrEqual(2_000_000);
    expect(usage.feeds.map((feed) => feed.ticker).sort()).toEqual(['NVDA', 'SPY']);
    expect(usage.budgetBytes).toBe(2_000_000);
  });
});
