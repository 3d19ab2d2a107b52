/**
 * The test bed of the chart-page suites: a local server with the test pages, the chart libraries they
 * load (the real packages from node_modules, under /vendor/NAME/) and the SPX sample's chain as a data
 * host; Chromium with the extension pointed at it (custom-URL provider), the overlay on for the local
 * origins, the levels cached; and the `levels` command's numbers for the same file, the ground truth.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launchChromiumWithExtension, type ExtensionBrowser } from './chromium';
import { startServer, type TestServer } from './server';
import { pagesDir, projectRoot } from './paths';
import { ask } from './protocol';
import { levelsCommand } from './levels-cli';

const SPX_FILE = join(projectRoot, 'assets/sample/cboe-spx-2024-01-07.csv.gz');

/** The chart libraries test pages load, by the folder they are served from. */
const VENDORS = {
  d3: 'node_modules/d3/dist',
  apexcharts: 'node_modules/apexcharts/dist',
  echarts: 'node_modules/echarts/dist',
  chartjs: 'node_modules/chart.js/dist',
  plotly: 'node_modules/plotly.js-dist-min',
  lwc: 'node_modules/lightweight-charts/dist',
  uplot: 'node_modules/uplot/dist',
  klinecharts: 'node_modules/klinecharts/dist',
  chartist: 'node_modules/chartist/dist',
  'billboard.js': 'node_modules/billboard.js/dist',
} as const;

export type Vendor = keyof typeof VENDORS;

/** The server routes for the test pages and the given libraries. */
export function pageRoutes(vendors: readonly Vendor[]): Record<string, string> {
  return {
    '/pages/': pagesDir,
    ...Object.fromEntries(vendors.map((vendor) => [`/vendor/${vendor}/`, join(projectRoot, VENDORS[vendor])])),
  };
}

export interface ChartBed {
  browser: ExtensionBrowser;
  server: TestServer;
  /** `npm run levels -- SPX_FILE --json`: the numbers the lines must show. */
  spx: Awaited<ReturnType<typeof levelsCommand>>;
  close(): Promise<void>;
}

export async function startChartBed(vendors: readonly Vendor[], options: { origins?: readonly string[] } = {}): Promise<ChartBed> {
  const server = await startServer(pageRoutes(vendors));
  const csv = gunzipSync(await readFile(SPX_FILE)).toString('utf8');
  server.route('/chains/SPX.csv', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/csv' });
    response.end(csv);
  });
  const browser = await launchChromiumWithExtension();
  const control = await browser.context.newPage();
  await control.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await ask(control, 'updateSettings', { provider: 'custom', customUrl: `${server.origin}/chains/{ticker}.csv`, ticker: 'SPX' });
  for (const origin of options.origins ?? ['http://127.0.0.1'])
    await ask(control, 'setSiteEnabled', { pattern: `${origin}/*`, enabled: true });
  await ask(control, 'getLevels', {});
  await control.close();
  const spx = await levelsCommand(SPX_FILE);
  return {
    browser,
    server,
    spx,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
