import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const chromeBuild = resolve(projectRoot, '.output/chrome-mv3');
export const firefoxBuild = resolve(projectRoot, '.output/firefox-mv3');
export const pagesDir = resolve(projectRoot, 'tests/e2e/pages');
export const fixturesDir = resolve(projectRoot, 'tests/fixtures');
