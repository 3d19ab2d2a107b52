import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { manifestFor } from './wxt.manifest';
import { preactWithoutInnerHtml } from './scripts/build/preact-without-inner-html';

export default defineConfig({
  imports: false,
  // Static files shipped as-is: icons and the bundled sample chain (DESIGN.md layout: assets/).
  publicDir: 'assets',
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), preactWithoutInnerHtml()],
    // GEXMAP_NO_MINIFY=1: readable bundles, for CPU profiles of the overlay and the bridge by function name.
    build: { minify: process.env.GEXMAP_NO_MINIFY !== '1' },
  }),
  // The sources package AMO reviews (npm run zip): what the build reads, with BUILDING.md's commands;
  // not the tests, benches, demo, store docs, CLI or lint setup (tests/e2e/sources-package.test.ts rebuilds from it).
  zip: {
    excludeSources: [
      '.output/**',
      'tests/**',
      'bench/**',
      'demo/**',
      'docs/**',
      'scripts/**',
      'eslint.config.js',
      'knip.jsonc',
      'vitest.config.ts',
      'vitest.e2e.config.ts',
    ],
    includeSources: ['scripts/build/**', 'scripts/render-icons.ts'],
  },
  hooks: {
    // The icons' SVG sources stay in the repository (scripts/render-icons.ts renders the PNGs): not shipped.
    'build:publicAssets': (_wxt, files) => {
      files.splice(0, files.length, ...files.filter((file) => !file.relativeDest.endsWith('.svg')));
    },
  },
  manifest: ({ browser }) => manifestFor({ browser, localHosts: process.env.GEXMAP_TEST_HOSTS === '1' }),
});
