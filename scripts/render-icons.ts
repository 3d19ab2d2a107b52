/**
 * npm run icons [-- --preview FILE] [--out DIR]
 * Renders the toolbar and store icons from their SVG source (assets/icon/icon.svg; a size may have its
 * own drawing, icon-16.svg, drawn on its pixel grid) to assets/icon/{16,32,48,128}.png with the
 * project's own headless Chromium (run it under the browser lock). The SVGs stay out of the package
 * (wxt.config.ts). --preview also writes a sheet of
 * the icons at 1× and magnified on light and dark toolbars, with the regime badges Chrome draws over
 * them (+γ, −γ, ~γ, !), to look at before committing. --out writes the PNGs elsewhere (the e2e test
 * renders them again and compares them with the committed ones).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { REGIMES } from '../lib/gex/regimes';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const iconDir = join(root, 'assets/icon');
const SIZES = [16, 32, 48, 128] as const;
/** Transparent margin per size: the store's 128 px icon is 96 px of artwork with 16 px around it (Chrome Web Store's image guidelines). */
const INSET: Partial<Record<number, number>> = { 128: 16 };
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const previewIndex = args.indexOf('--preview');
const preview = previewIndex >= 0 ? resolve(args[previewIndex + 1] ?? '/tmp/gexmap-icons.png') : null;
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]) : iconDir;

/** The drawing for a size: its own file when there is one, else the master. */
async function svgFor(size: number): Promise<string> {
  const own = join(iconDir, `icon-${size}.svg`);
  return readFile(existsSync(own) ? own : join(iconDir, 'icon.svg'), 'utf8');
}

const dataUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** The toolbars a browser draws the icon on (Chrome and Firefox, light and dark). */
const TOOLBARS = ['#ffffff', '#f1f3f4', '#dee1e6', '#3c3c3c', '#202124', '#2b2a33'];
/** Badge texts and colours as the background sets them (lib/service/badge.ts). */
const BADGES = [
  { text: '', colour: '' },
  { text: REGIMES.positive.mark, colour: REGIMES.positive.colour },
  { text: REGIMES.negative.mark, colour: REGIMES.negative.colour },
  { text: REGIMES.transition.mark, colour: REGIMES.transition.colour },
  { text: `${REGIMES.negative.mark}!`, colour: '#787b86' },
];

function previewPage(icons: Record<number, string>): string {
  const badge = ({ text, colour }: { text: string; colour: string }) =>
    text ? `<span class="badge" style="background:${colour}">${text}</span>` : '';
  const cell = (size: number, toolbar: string, b: (typeof BADGES)[number], zoom: number) =>
    `<div class="cell" style="background:${toolbar};width:${(size + 12) * zoom}px;height:${(size + 8) * zoom}px">
       <div class="slot" style="transform:scale(${zoom});width:${size}px;height:${size}px"><img src="${icons[size]}" width="${size}" height="${size}">${size === 16 ? badge(b) : ''}</div>
     </div>`;
  const rows = [1, 8].flatMap((zoom) =>
    TOOLBARS.map(
      (toolbar) =>
        `<div class="row">${BADGES.map((b) => cell(16, toolbar, b, zoom)).join('')}${zoom === 1 ? cell(32, toolbar, BADGES[0], 1) : ''}</div>`,
    ),
  );
  return `<!doctype html><style>
    body { margin: 0; padding: 8px; background: #888; font-family: system-ui, sans-serif; }
    .row { display: flex; gap: 0; }
    .cell { display: flex; align-items: center; justify-content: center; }
    .slot { position: relative; transform-origin: center; image-rendering: pixelated; }
    .slot img { image-rendering: pixelated; display: block; }
    /* Chrome's toolbar badge: bold text on its colour, bottom right, over the icon. */
    .badge { position: absolute; right: -3px; bottom: -2px; height: 10px; padding: 0 2px; border-radius: 2px; color: #fff;
             font: bold 8px/10px system-ui, sans-serif; white-space: nowrap; }
    .big { display: flex; gap: 12px; margin-top: 8px; align-items: end; }
    </style><body>${rows.join('')}
    <div class="big">${SIZES.map((size) => `<img src="${icons[size]}" width="${size}" height="${size}">`).join('')}</div></body>`;
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const written: Record<number, string> = {};
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const inset = INSET[size] ?? 0;
    const art = size - 2 * inset;
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;margin:${inset}px}</style><img src="${dataUrl(await svgFor(size))}" width="${art}" height="${art}">`,
    );
    await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    const file = join(outDir, `${size}.png`);
    const png = await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    written[size] = `data:image/png;base64,${png.toString('base64')}`;
    console.log(`icons: ${file} (${png.length} bytes)`);
  }
  if (preview) {
    await page.setViewportSize({ width: 900, height: 700 });
    await page.setContent(previewPage(written));
    await page.screenshot({ path: preview, fullPage: true });
    console.log(`icons: preview written to ${preview}`);
  }
} finally {
  await browser.close();
}
