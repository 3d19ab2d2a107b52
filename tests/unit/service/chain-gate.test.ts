/**
 * The gate in the background service: a chain that is cut off, someone else's, joined with itself or
 * whose levels are not finite never replaces the last good levels. The feed's status says why
 * (`refused`), the refused chain is kept aside (one per feed) until the user accepts it or a good chain
 * follows, and each feed is judged against its own last good chain only.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { parseChainText } from '../../../lib/chain/parse';
import { checkChain, summarizeChain } from '../../../lib/chain/gate';
import { computeLevels } from '../../../lib/gex/levels';
import type { LevelsReply } from '../../../lib/protocol';
import { FIXTURES, fixtureText } from '../fixtures';
import { csvParts, seededRandom } from '../chain/raw-text';
import { harness, MINUTE, SPX_URL, useCustomUrl, type Harness } from './harness';

const ENGINE = { rate: 0.04, dividend: 0.013 };
const spx = fixtureText(FIXTURES.spx);
const spy = fixtureText(FIXTURES.spy);
const { lines, header, rows } = csvParts(spx);
/** The quote table's expiry cell of each row, in file order ("Fri Dec 21 2029"). */
const expiries = [...new Set(rows.map((row) => row.split(',')[0]))];

/** The SPX fixture up to and including `kept` option rows, ending on a row boundary. */
const spxRows = (kept: number) => `${lines.slice(0, header + 1 + kept).join('\n')}\n`;
/** The index (in `rows`) of the first row of an expiry, and how many rows it has. */
function expiryRows(expiry: string): { first: number; count: number } {
  return { first: rows.findIndex((row) => row.startsWith(`${expiry},`)), count: rows.filter((row) => row.startsWith(`${expiry},`)).length };
}
/** "Fri Dec 21 2029" -> "2029-12-21". */
const isoDate = (cell: string) => new Date(`${cell} 12:00 UTC`).toISOString().slice(0, 10);

const lastExpiry = expiryRows(expiries.at(-1)!);
/** Cut on a row boundary halfway through the last expiry. */
const cutInLastExpiry = spxRows(lastExpiry.first + Math.floor(lastExpiry.count / 2));
const middleExpiry = expiries[Math.floor(expiries.length / 2)];
const middle = expiryRows(middleExpiry);
/** Cut on a row boundary halfway through an expiry in the middle of the file. */
const cutInMiddleExpiry = spxRows(middle.first + Math.floor(middle.count / 2));
/** An export filtered to the first five expiries: whole rows, a shape of its own that passes. */
const nearExpiries = spxRows(expiryRows(expiries[5]).first);

async function goodSpx(service: Harness): Promise<LevelsReply> {
  await useCustomUrl(service);
  service.host.answer(SPX_URL, { body: spx });
  const good = await service.questions.getLevels();
  expect(good.levels?.flip).toBeCloseTo(computeLevels(parseChainText(spx), ENGINE).flip!, 9);
  return good;
}

/** Serves `body` as the next SPX chain and refreshes it a minute later. */
async function serveNext(service: Harness, body: string) {
  service.clock.now += MINUTE;
  service.host.answer(SPX_URL, { body });
  return service.feeds.refresh(undefined, 'extension');
}

describe('the gate in the service', () => {
  let idb: IDBFactory;
  beforeEach(() => {
    idb = new IDBFactory();
  });

  it.each([
    [
      'cut on a row boundary halfway through the last expiry',
      () => cutInLastExpiry,
      'cut-off',
      new RegExp(`^looks cut off: its last expiry, ${isoDate(expiries.at(-1)!)}, stops at strike `),
    ],
    ['cut on a row boundary halfway through an expiry in the middle', () => cutInMiddleExpiry, 'cut-off', /^looks cut off: /],
    [
      'cut inside a row halfway through an expiry in the middle',
      () => cutInMiddleExpiry + rows[middle.first + Math.floor(middle.count / 2)].slice(0, 40),
      'cut-off',
      new RegExp(`^looks cut off: the last row, line ${header + 2 + middle.first + Math.floor(middle.count / 2)}, has 3 of 22 fields$`),
    ],
    ['SPY data served as SPX', () => spy, 'wrong-underlying', /^this is a SPY option chain, not SPX: 7,292 contracts around 450\.81$/],
    [
      'the file concatenated twice',
      () => spx + spx,
      'repeated-contracts',
      /^the same contracts appear more than once \(21,038 repeats, e\.g\. line \d+: call: repeats SPXW240105C01200000, first given on line 5\); the file looks joined with itself$/,
    ],
  ] as const)('refuses a chain %s: last good levels kept and served, status refused with the reason', async (_what, body, code, reason) => {
    const service = harness(idb);
    const good = await goodSpx(service);
    await service.subscriptions.subscribe(7, { follow: true });
    const status = await serveNext(service, body());
    expect(status.lastError).toMatchObject({ kind: 'refused', message: expect.stringMatching(reason) });
    expect(status.refused).toMatchObject({ code, reason: status.lastError!.message, label: 'Custom URL', acceptable: true });
    expect(status.refused!.stored!.bytes).toBeGreaterThan(0);
    const reply = await service.questions.getLevels();
    expect(reply.levels).toEqual(good.levels);
    expect(reply.source).toEqual(good.source);
    expect(reply.stale).toBe(true);
    expect(reply.status.refused?.reason).toBe(status.lastError!.message);
    // Open charts keep the last good levels, told why.
    expect(service.pushes.at(-1)?.push.charts[0].levels).toMatchObject({
      levels: { flip: good.levels!.flip },
      status: { lastError: { kind: 'refused' } },
    });
    // Kept aside under its own key; the feed's own chain is still the good one.
    expect((await service.storage.chainFeeds()).sort()).toEqual(['custom:SPX', 'custom:SPX#refused']);
    expect((await service.storage.readChain('custom:SPX'))?.contracts).toHaveLength(parseChainText(spx).contracts.length);
  });

  it('refuses levels that are not finite (a chain stored whole by 0.1, without the value checks), and offers no way to use them', async () => {
    const service = harness(idb);
    await service.changes.importChain(spx, 'spx.csv');
    const good = await service.questions.getLevels();
    expect(good.source?.provider).toBe('file');
    // 0.1 kept whole snapshots (frozen shape: the snapshot itself); this one carries open interest no
    // parser lets through today, enough to overflow the dollar gamma of every strike it touches.
    const snapshot = parseChainText(spx);
    for (const contract of snapshot.contracts.filter((contract) => contract.strike === 4700)) contract.openInterest = 1e308;
    await service.database.chains.write('file:SPX', snapshot as never);
    service.feeds.forgetChains();
    service.clock.now += MINUTE;
    const status = await service.feeds.refresh('SPX', 'extension');
    expect(status.lastError).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^a result is not finite: (levels|profile|heatmap)[.[]\S* is (NaN|-?Infinity)$/),
    });
    expect(status.refused).toMatchObject({ code: 'not-finite', acceptable: false, stored: null });
    const reply = await service.questions.getLevels();
    expect(reply.levels).toEqual(good.levels);
    await expect(service.changes.acceptRefusedChain({})).rejects.toThrow(
      /^the refused SPX chain from Imported file cannot be used: a result is not finite/,
    );
  });

  it("accepting the refused chain makes it current: its levels, its summary as the next chain's last good one", async () => {
    const service = harness(idb);
    const good = await goodSpx(service);
    // Refused only against the last good chain (its own shape passes), so accepting it changes what
    // the next chain is judged against.
    expect(checkChain(parseChainText(nearExpiries), { ticker: 'SPX' })).toMatchObject({ ok: true });
    const refused = await serveNext(service, nearExpiries);
    // Counted on the raw rows: a call and a put per row, on every expiry not settled by Sunday's as-of.
    const liveContracts = (text: string) => 2 * csvParts(text).rows.filter((row) => !row.startsWith('Fri Jan 05 2024,')).length;
    const count = (value: number) => value.toLocaleString('en-US');
    expect(refused.refused).toMatchObject({
      code: 'cut-off',
      reason: `looks cut off: ${count(liveContracts(nearExpiries))} contracts against ${count(liveContracts(spx))} in the last good chain (2024-01-07 15:52 UTC) on the expiries both should list`,
    });
    const accepted = await service.changes.acceptRefusedChain({ ticker: 'SPX' });
    const expected = computeLevels(parseChainText(nearExpiries), ENGINE);
    expect(accepted.levels?.flip).toBeCloseTo(expected.flip!, 9);
    expect(accepted.levels?.callWall).toBe(expected.callWall);
    expect(accepted.levels?.putWall).toBe(expected.putWall);
    expect(accepted.levels?.totalGex).toBeCloseTo(expected.totalGex, 0);
    expect(accepted.levels?.totalGex).not.toBeCloseTo(good.levels!.totalGex, 0);
    expect(accepted.status).toMatchObject({ failures: 0, lastError: null, refused: null });
    expect(accepted.stale).toBe(false);
    expect(await service.storage.chainFeeds()).toEqual(['custom:SPX']);
    // Nothing left to accept.
    await expect(service.changes.acceptRefusedChain({ ticker: 'SPX' })).rejects.toThrow(
      /^there is no refused SPX chain from Custom URL to use$/,
    );
    // The same chain again is judged against itself now: it passes.
    const again = await serveNext(service, nearExpiries);
    expect(again).toMatchObject({ failures: 0, lastError: null, refused: null });
    // A chain cut by its own shape is refused whatever it is compared with.
    expect((await serveNext(service, cutInMiddleExpiry)).refused?.code).toBe('cut-off');
  });

  it('a later good chain clears the refused one', async () => {
    const service = harness(idb);
    const good = await goodSpx(service);
    const refused = await serveNext(service, spy);
    expect(refused.refused?.code).toBe('wrong-underlying');
    // A second refusal replaces the one kept aside: one per feed.
    const twice = await serveNext(service, spx + spx);
    expect(twice.refused?.code).toBe('repeated-contracts');
    expect(await service.storage.chainFeeds()).toHaveLength(2);
    // A failure that is no refusal leaves the refused chain for the user to judge.
    service.clock.now += MINUTE;
    service.host.answer(SPX_URL, { status: 503, body: 'unavailable' });
    const failed = await service.feeds.refresh(undefined, 'extension');
    expect(failed).toMatchObject({ lastError: { kind: 'http' }, refused: { code: 'repeated-contracts' } });
    const whole = await serveNext(service, spx);
    expect(whole).toMatchObject({ failures: 0, lastError: null, refused: null });
    expect(await service.storage.chainFeeds()).toEqual(['custom:SPX']);
    expect((await service.questions.getLevels()).levels?.flip).toBe(good.levels?.flip);
    await expect(service.changes.acceptRefusedChain({})).rejects.toThrow(/no refused SPX chain/);
  });

  it("judges each feed against its own last good chain: another provider's does not count", async () => {
    const service = harness(idb);
    const custom = await goodSpx(service);
    // The export filtered to the near expiries is cut off against the custom feed's full chain...
    const customSummary = summarizeChain(parseChainText(spx));
    expect(checkChain(parseChainText(nearExpiries), { ticker: 'SPX', previous: customSummary })).toMatchObject({
      ok: false,
      code: 'cut-off',
    });
    // ...but imported, it is the first chain of the file feed: nothing to compare it with, so it passes.
    const imported = await service.changes.importChain(nearExpiries, 'spx-near.csv');
    expect(imported.status).toMatchObject({ key: 'file:SPX', lastError: null, refused: null });
    expect(imported.levels?.flip).toBeCloseTo(computeLevels(parseChainText(nearExpiries), ENGINE).flip!, 9);
    // Back on the custom feed, the same filtered chain is refused against that feed's own full chain,
    // not passed against the file feed's filtered one.
    await service.changes.update({ provider: 'custom' });
    const status = await serveNext(service, nearExpiries);
    expect(status).toMatchObject({ key: 'custom:SPX', lastError: { kind: 'refused' }, refused: { code: 'cut-off' } });
    expect((await service.questions.getLevels()).levels).toEqual(custom.levels);
  });

  it("an imported file goes through the same gate against the file feed's last good chain, and can be accepted", async () => {
    const service = harness(idb);
    const first = await service.changes.importChain(spx, 'spx.csv');
    expect(first.status.lastError).toBeNull();
    const refused = await service.changes.importChain(cutInLastExpiry, 'spx-cut.csv');
    // The file's feed is the active one, with its last good levels and the reason the new file was refused.
    expect(refused.levels).toEqual(first.levels);
    expect(refused.status).toMatchObject({
      key: 'file:SPX',
      lastError: { kind: 'refused' },
      refused: { code: 'cut-off', label: 'Imported file: spx-cut.csv', acceptable: true },
    });
    const accepted = await service.changes.acceptRefusedChain({ ticker: 'SPX', provider: 'file' });
    expect(accepted.levels?.flip).toBeCloseTo(computeLevels(parseChainText(cutInLastExpiry), ENGINE).flip!, 9);
    expect(accepted.source?.label).toBe('Imported file: spx-cut.csv');
    // A text that is no chain is still the importer's error, and changes nothing.
    await expect(service.changes.importChain('Symbol,Price\nSPX,4700\n', 'prices.csv')).rejects.toThrow(/^prices\.csv: /);
    expect((await service.questions.getLevels()).levels).toEqual(accepted.levels);
  });

  it('a corpus of bad chains, one after another, never replaces the last good levels', async () => {
    const service = harness(idb);
    const good = await goodSpx(service);
    const random = seededRandom(5);
    const inputs: [string, string][] = [];
    for (let trial = 0; trial < 5; trial++) {
      const offset = 1 + Math.floor(random() * (spx.length - 2));
      inputs.push([`cut at byte ${offset}`, spx.slice(0, offset)]);
      const kept = 1 + Math.floor(random() * (rows.length - 1));
      inputs.push([`cut after row ${kept}`, spxRows(kept)]);
    }
    inputs.push(
      ['SPX then SPY', spx + spy],
      ['NVDA', fixtureText(FIXTURES.nvda)],
      ["SPX with SPY's price", spx.replace('Last: 4697.2402,', 'Last: 450.81,')],
      ['an HTML page', '<!DOCTYPE html><html><head><title>Bad Gateway</title></head></html>'],
      ['empty', ''],
      ['binary', Array.from({ length: 4096 }, () => String.fromCharCode(Math.floor(random() * 256))).join('')],
    );
    for (const [name, body] of inputs) {
      const status = await serveNext(service, body);
      expect(status.failures, name).toBeGreaterThan(0);
      expect(['refused', 'not-a-chain'], `${name}: ${status.lastError?.kind} ${status.lastError?.message}`).toContain(
        status.lastError?.kind,
      );
      expect((await service.questions.getLevels()).levels, name).toEqual(good.levels);
    }
    // Only refused chains are kept aside, and only the last of them.
    expect((await service.storage.chainFeeds()).sort()).toEqual(['custom:SPX', 'custom:SPX#refused']);
  });

  it('counts the refused chain kept aside in the storage used, and evicts it with its feed', async () => {
    const service = harness(idb);
    await goodSpx(service);
    const status = await serveNext(service, cutInLastExpiry);
    const usage = await service.feeds.usage();
    expect(usage.feeds).toEqual([
      expect.objectContaining({ key: 'custom:SPX', bytes: status.chain!.bytes + status.refused!.stored!.bytes }),
    ]);
    expect(usage.chainBytes).toBe(status.chain!.bytes + status.refused!.stored!.bytes);
    // Another ticker becomes the active one and SPX goes unviewed past the eviction age: both its chains go.
    await service.changes.update({ ticker: 'SPY' });
    service.clock.now += 8 * 24 * 3600 * 1000;
    await service.feeds.sweep();
    expect(await service.storage.chainFeeds()).toEqual([]);
  });
});
