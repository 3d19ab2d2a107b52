/**
 * The toolbar badge follows the active ticker: its regime (from the levels' own sign of total GEX),
 * a stale mark after a failed refresh and for data from a past session, "?" with the reason when there
 * are no levels; and it follows the ticker switch.
 */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { harness, MINUTE, SPX_URL, useCustomUrl } from './harness';
import { FIXTURES, fixtureText } from '../fixtures';
import { scriptedFetch } from '../scripted-fetch';
import type { BadgeLook } from '../../../lib/service/badge';

function withBadge() {
  const shown: BadgeLook[] = [];
  const service = harness(new IDBFactory(), { now: Date.parse('2024-01-08T15:00:00Z') }, scriptedFetch(), {
    showBadge: async (look) => void shown.push(look),
  });
  return { service, shown, settle: () => service.badge.update() };
}

describe('toolbar badge', () => {
  it('says the regime of the active ticker, marks it stale after a failed refresh, and "?" with the reason for a ticker without levels', async () => {
    const { service, shown, settle } = withBadge();
    await useCustomUrl(service);
    service.host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    await service.feeds.refresh(undefined, 'extension');
    await settle();
    const levels = (await service.questions.getLevels()).levels!;
    // The SPX sample's total GEX is negative, its spot more than 0.5% from the flip: negative gamma.
    expect(levels.totalGex).toBeLessThan(0);
    expect(Math.abs(levels.spot - levels.flip!) / levels.spot).toBeGreaterThan(0.005);
    expect(shown.at(-1)).toMatchObject({ text: '−γ', colour: '#ef5350' });
    expect(shown.at(-1)!.title).toMatch(/^gexmap — SPX: negative gamma, flip 4,724\.7 · as of .* · sign model: .* \(assumed\)$/);

    service.clock.now += MINUTE;
    service.host.answer(SPX_URL, { status: 503, body: 'busy' });
    await service.feeds.refresh(undefined, 'extension');
    await settle();
    expect(shown.at(-1)).toMatchObject({ text: '−γ!', colour: '#787b86' });
    expect(shown.at(-1)!.title).toContain('stale: ');
    expect(shown.at(-1)!.title).toContain('503');

    service.host.answer(/QQQ/, { status: 404, body: 'no such file' });
    await service.changes.update({ ticker: 'QQQ' });
    await service.feeds.refresh(undefined, 'extension');
    await settle();
    expect(shown.at(-1)!.text).toBe('?');
    expect(shown.at(-1)!.title).toMatch(/^gexmap — QQQ: no levels \(.*404/);
  });

  it('marks the bundled sample as old data once a later session has opened, and draws the same look only once', async () => {
    const { service, shown, settle } = withBadge();
    await service.changes.update({ provider: 'sample', ticker: 'SPX' });
    await service.questions.getLevels();
    await service.feeds.refresh(undefined, 'extension');
    await settle();
    // The clock (2024-01-08 15:00Z) is in Monday's session; the sample holds Friday Jan 5's.
    expect(shown.at(-1)).toMatchObject({ text: '−γ!', colour: '#787b86' });
    expect(shown.at(-1)!.title).toContain('old data (a past session)');
    const drawn = shown.length;
    await settle();
    await settle();
    expect(shown).toHaveLength(drawn);
  });
});
