/**
 * A refresh cannot stall the schedule: whatever throws inside it (storage full, a date the calendar
 * cannot place), the feed records why and the next alarm is set; nothing half-written replaces the
 * last good levels.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureText } from '../fixtures';
import { harness, SPX_URL, useCustomUrl } from './harness';

describe('refreshes that cannot stall', () => {
  it.each([
    ['the chain store is full', 'writeChain', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['a date the calendar cannot place', 'writeChain', new RangeError('not an ISO date (YYYY-MM-DD): "9999-99-99"')],
  ] as const)('when %s: the status says so, the alarm is set, the last good levels stay', async (_what, method, thrown) => {
    const service = harness();
    await useCustomUrl(service);
    service.host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const good = await service.questions.getLevels();
    const alarms = service.alarms.length;
    const original = service.storage[method];
    (service.storage as unknown as Record<string, unknown>)[method] = async () => {
      throw thrown;
    };
    service.clock.now += 60000;
    const status = await service.feeds.refresh(undefined, 'extension');
    (service.storage as unknown as Record<string, unknown>)[method] = original;
    expect(status.lastError).toMatchObject({ kind: 'internal', message: thrown.message });
    expect(status.nextDueAt).toBe(service.clock.now + 60000);
    expect(service.alarms.length).toBeGreaterThan(alarms);
    const after = await service.questions.getLevels();
    expect(after.levels?.flip).toBe(good.levels?.flip);
    expect(after.stale).toBe(true);
  });

  it('re-arms the schedule on every start of the worker', async () => {
    const service = harness();
    await useCustomUrl(service);
    service.host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    await service.feeds.refresh(undefined, 'extension');
    const restarted = harness(undefined, service.clock);
    // A new worker on the same (fresh) storage still sets an alarm for the active feed.
    await restarted.feeds.start();
    expect(restarted.alarms).toHaveLength(1);
  });
});
