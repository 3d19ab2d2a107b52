/**
 * The background's composed service (lib/service/compose.ts, exactly what the background runs) on a
 * real IndexedDB implementation (fake-indexeddb) with the data host scripted, a settable clock, and
 * a record of alarms, pushes to tabs and site registrations.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { composeService, type Service, type ServiceDeps } from '../../../lib/service/compose';
import { openDatabase, type Database } from '../../../utils/database';
import { serviceStorage } from '../../../utils/storage';
import type { OverlayPush } from '../../../lib/protocol';
import type { ServiceStorage } from '../../../lib/service/storage-port';
import { scriptedFetch, type ScriptedFetch } from '../scripted-fetch';
import { FIXTURES, fixtureText } from '../fixtures';

export const URL_TEMPLATE = 'http://127.0.0.1:9/chains/{ticker}.csv';
export const SPX_URL = 'http://127.0.0.1:9/chains/SPX.csv';
export const MINUTE = 60000;

export interface Harness extends Service {
  host: ScriptedFetch;
  clock: { now: number };
  alarms: number[];
  pushes: { tabId: number; push: OverlayPush }[];
  sites: string[][];
  storage: ServiceStorage;
  database: Database;
  deps: ServiceDeps;
}

export function harness(
  idb: IDBFactory = new IDBFactory(),
  clock = { now: Date.parse('2024-01-08T15:00:00Z') },
  host = scriptedFetch(),
  extra: Partial<ServiceDeps> = {},
): Harness {
  const alarms: number[] = [];
  const pushes: Harness['pushes'] = [];
  const sites: string[][] = [];
  const database = openDatabase(idb);
  const storage = serviceStorage(database);
  const deps: ServiceDeps = {
    storage,
    fetch: host.fetch,
    now: () => clock.now,
    sleep: async () => {},
    loadSample: async () => fixtureText(FIXTURES.spx),
    scheduleAlarm: async (when) => void alarms.push(when),
    sendToTab: async (tabId, push) => void pushes.push({ tabId, push }),
    syncSites: async (list) => void sites.push([...list]),
    injectOverlay: async () => {},
    timeoutMs: 50,
    ...extra,
  };
  return { ...composeService(deps), host, clock, alarms, pushes, sites, storage, database, deps };
}

export async function useCustomUrl(service: Harness): Promise<void> {
  await service.changes.update({ provider: 'custom', customUrl: URL_TEMPLATE, ticker: 'SPX' });
}
