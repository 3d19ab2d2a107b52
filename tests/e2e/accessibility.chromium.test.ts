/**
 * Accessibility of the popup and the options page in real Chromium, checked by axe-core itself: no
 * serious or critical violation in any popup tab (History's own tabs too), without levels and with the
 * bundled sample's, in the light and the dark theme, nor in the options page; every control reached by
 * Tab with a visible focus ring; the tab lists driven by arrows, Home, End, Enter and Space; the
 * scrolling boxes scrolled from the keyboard; signs and regimes said in marks and words, not colour alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { ask } from './helpers/protocol';
import { seriousViolations, type AxeViolation } from './helpers/axe';
import { REGIMES } from '../../lib/gex/regimes';
import type { LevelsReply } from '../../lib/protocol';

/** Nothing listens there: no levels until the sample is chosen. */
const UNREACHABLE = 'http://127.0.0.1:9/chains/{ticker}.csv';
const TABS = ['Levels', 'Profile', 'Heatmap', 'Checklist', 'History', 'Help'];
const HISTORY_TABS = ['Sessions', 'Today', 'Alerts'];

/** Violations in both colour schemes, each said with its scheme and the elements it names. */
async function violationsInBothThemes(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const said = (violation: AxeViolation) =>
      `${where} (${colorScheme}): ${violation.id} — ${violation.help}: ${violation.nodes.join(' | ')}`;
    found.push(...(await seriousViolations(page)).map(said));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect.poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
}

/** The popup's tabs as axe finds them, History's own tabs included (each waits for its content first). */
async function popupViolations(page: Page, state: string, ready: (tab: string) => Promise<void>): Promise<string[]> {
  const found: string[] = [];
  for (const tab of TABS) {
    await openTab(page, tab);
    await ready(tab);
    found.push(...(await violationsInBothThemes(page, `${state}, ${tab}`)));
  }
  await openTab(page, 'History');
  for (const tab of HISTORY_TABS) {
    await openTab(page, tab);
    found.push(...(await violationsInBothThemes(page, `${state}, History › ${tab}`)));
  }
  await openTab(page, 'Sessions');
  await openTab(page, 'Levels');
  return found;
}

/**
 * Every element the keyboard should reach (visible, enabled, not taken out of the tab order: a tab
 * list's unselected tabs and a radio group's other radios are reached by arrows), and what Tab
 * reaches, in order, with its focus ring.
 */
async function tabWalk(page: Page): Promise<{ expected: string[]; reached: { key: string; ring: boolean }[] }> {
  const expected = await page.evaluate(() => {
    const candidates = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]');
    let index = 0;
    const keys: string[] = [];
    for (const element of candidates) {
      const disabled = (element as HTMLButtonElement).disabled === true;
      // (Not what a closed <details> holds, nor what is hidden or not rendered.)
      const shown = element.checkVisibility({ visibilityProperty: true });
      if (disabled || !shown || element.tabIndex < 0) continue;
      // A radio group is one tab stop: its checked radio (the first when none is).
      if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
        const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${element.name}"]`)].filter(
          (radio) => !radio.disabled,
        );
        if (element !== (group.find((radio) => radio.checked) ?? group[0])) continue;
      }
      element.dataset.walk = String(index++);
      keys.push(
        `${element.dataset.walk}:${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}`,
      );
    }
    return keys;
  });
  // Tab goes round the page from wherever focus last was: walk once round, then start where the page starts.
  const round: { key: string; ring: boolean }[] = [];
  for (let press = 0; press < 2 * expected.length + 4; press++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { walk: element.dataset.walk ?? `unlisted ${element.tagName} ${element.outerHTML.slice(0, 60)}`, ring };
    });
    if (!focused) continue; // between the page's last stop and its first
    const key = expected.find((candidate) => candidate.startsWith(`${focused.walk}:`)) ?? focused.walk;
    if (round.some((step) => step.key === key)) break;
    round.push({ key, ring: focused.ring });
  }
  const first = Math.max(
    0,
    round.findIndex((step) => step.key === expected[0]),
  );
  const reached = [...round.slice(first), ...round.slice(0, first)];
  return { expected, reached };
}

describe('Chromium: accessibility of the popup and the options page', () => {
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    browser = await launchChromiumWithExtension();
    popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 440, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await ask(popup, 'updateSettings', { provider: 'custom', customUrl: UNREACHABLE, ticker: 'SPX', expiryFilter: 'all' });
    await popup.reload();
    await popup.getByRole('button', { name: /sample/ }).waitFor({ timeout: 20000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has no serious or critical axe violation in any tab without levels', async () => {
    expect(await popupViolations(popup, 'no levels', async () => undefined)).toEqual([]);
  });

  it('reaches every control without levels by Tab, focus visible, and loads the sample from the keyboard', async () => {
    const { expected, reached } = await tabWalk(popup);
    expect(reached.map((step) => step.key)).toEqual(expected);
    expect(reached.filter((step) => !step.ring).map((step) => step.key)).toEqual([]);
    // The sample button, by keyboard alone: Tab to it, Enter.
    const sample = popup.getByRole('button', { name: /sample/ });
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let press = 0; press < expected.length && !(await sample.evaluate((element) => element === document.activeElement)); press++)
      await popup.keyboard.press('Tab');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('spot').textContent(), { timeout: 15000 }).toBe('4,697.24');
  });

  it('has no serious or critical axe violation in any tab with levels shown (the sample)', async () => {
    const ready = async (tab: string) => {
      if (tab === 'Profile') await popup.locator('[data-panel="profile"] canvas').first().waitFor({ timeout: 15000 });
      if (tab === 'Heatmap') await popup.getByTestId('heatmap').waitFor({ timeout: 15000 });
      if (tab === 'History')
        await popup.locator('[data-testid="history-table"], [data-testid="history-empty"]').waitFor({ timeout: 15000 });
    };
    expect(await popupViolations(popup, 'sample', ready)).toEqual([]);
  });

  it('reaches every control of each tab with levels by Tab, each with a visible focus ring', async () => {
    for (const tab of TABS) {
      await openTab(popup, tab);
      const { expected, reached } = await tabWalk(popup);
      expect(
        reached.map((step) => step.key),
        tab,
      ).toEqual(expected);
      expect(
        reached.filter((step) => !step.ring).map((step) => step.key),
        tab,
      ).toEqual([]);
    }
    await openTab(popup, 'Levels');
  });

  it('drives both tab lists from the keyboard: arrows (wrapping), Home, End, Enter and Space', async () => {
    const selected = () => popup.evaluate(() => document.querySelector('.main-tabs [aria-selected="true"]')?.textContent);
    const focused = () => popup.evaluate(() => document.activeElement?.textContent);
    const shownPanel = () => popup.evaluate(() => document.querySelector<HTMLElement>('[data-panel]:not([hidden])')?.dataset.panel);
    await popup.getByRole('tab', { name: 'Levels' }).focus();
    await popup.keyboard.press('ArrowRight');
    expect([await selected(), await focused(), await shownPanel()]).toEqual(['Profile', 'Profile', 'profile']);
    await popup.keyboard.press('ArrowLeft');
    await popup.keyboard.press('ArrowLeft'); // wraps to the last
    expect([await selected(), await focused(), await shownPanel()]).toEqual(['Help', 'Help', 'help']);
    await popup.keyboard.press('Home');
    expect(await selected()).toBe('Levels');
    await popup.keyboard.press('End');
    expect(await selected()).toBe('Help');
    // One tab stop for the list: only the selected tab is in the tab order.
    expect(await popup.locator('.main-tabs [role="tab"][tabindex="0"]').allTextContents()).toEqual(['Help']);
    // Enter and Space select a focused tab.
    await popup.getByRole('tab', { name: 'Heatmap' }).focus();
    await popup.keyboard.press('Enter');
    expect(await selected()).toBe('Heatmap');
    await popup.getByRole('tab', { name: 'Checklist' }).focus();
    await popup.keyboard.press(' ');
    expect(await selected()).toBe('Checklist');
    // History's own tabs, the same way.
    await openTab(popup, 'History');
    await popup.getByRole('tab', { name: 'Sessions' }).focus();
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => popup.locator('#history-panel-today').isVisible()).toBe(true);
    expect(await focused()).toBe('Today');
    await popup.keyboard.press('End');
    await expect.poll(() => popup.locator('#history-panel-alerts').isVisible()).toBe(true);
    await popup.keyboard.press('ArrowRight'); // wraps to the first
    await expect.poll(() => popup.locator('#history-panel-sessions').isVisible()).toBe(true);
    expect(await popup.locator('.history [role="tab"][tabindex="0"]').allTextContents()).toEqual(['Sessions']);
    await openTab(popup, 'Levels');
  });

  it('scrolls the heatmap, the checklist and the glossary from the keyboard', async () => {
    const scrolled: string[] = [];
    for (const [tab, region] of [
      ['Heatmap', '.gx-heatmap-table'],
      ['Checklist', '.checklist-scroll'],
      ['Help', '.glossary-scroll'],
    ]) {
      await openTab(popup, tab);
      const box = popup.locator(region);
      expect(await box.getAttribute('tabindex'), region).toBe('0');
      const [scrollHeight, clientHeight] = await box.evaluate((element) => [element.scrollHeight, element.clientHeight]);
      if (scrollHeight <= clientHeight) continue; // nothing to scroll at this size
      await box.focus();
      await popup.keyboard.press('PageDown');
      await expect.poll(() => box.evaluate((element) => element.scrollTop), { message: region }).toBeGreaterThan(0);
      scrolled.push(region);
    }
    // The sample's heatmap (25 strikes) and the glossary are taller than their boxes in a 600 px popup.
    expect(scrolled).toEqual(expect.arrayContaining(['.gx-heatmap-table', '.glossary-scroll']));
    await openTab(popup, 'Levels');
  });

  it('says sign and regime in marks and words, not colour alone', async () => {
    const reply = await ask<LevelsReply>(popup, 'getLevels', {});
    // The regime badge names the regime.
    expect(await popup.getByTestId('regime').textContent()).toBe(REGIMES[reply.levels!.regime].name);
    // Net heatmap cells coloured beyond the faint middle carry their sign as + or −, matching their number.
    await openTab(popup, 'Heatmap');
    const cells = await popup.locator('[data-testid="heatmap"] td').evaluateAll((elements) =>
      elements.map((cell) => ({
        net: Number(cell.getAttribute('data-net')),
        position: Number(cell.getAttribute('data-colour-value')),
        mark: cell.textContent,
      })),
    );
    // (Positions are given to 3 decimals: those at 0.150 itself may round either way.)
    const strong = cells.filter((cell) => Math.abs(cell.position) > 0.15);
    expect(strong.length).toBeGreaterThan(10);
    expect(strong.filter((cell) => cell.mark !== (cell.net > 0 ? '+' : '−'))).toEqual([]);
    expect(cells.filter((cell) => Math.abs(cell.position) < 0.15 && cell.mark !== '')).toEqual([]);
    expect(await popup.getByTestId('heatmap-legend').textContent()).toMatch(/teal, marked \+: .* red, marked −:/);
    // Concentration has no sign: no marks.
    await popup.getByLabel('Heatmap colour').selectOption('concentration');
    await expect.poll(() => popup.getByTestId('heatmap').getAttribute('data-measure')).toBe('concentration');
    expect(
      await popup.locator('[data-testid="heatmap"] td').evaluateAll((elements) => elements.filter((cell) => cell.textContent).length),
    ).toBe(0);
    await popup.getByLabel('Heatmap colour').selectOption('net');
    // The checklist's verdicts are words, whatever their colour.
    await openTab(popup, 'Checklist');
    const verdicts = await popup.locator('.verdict').allTextContents();
    expect(verdicts.length).toBeGreaterThan(3);
    expect(verdicts.filter((verdict) => !/\w{2,}/.test(verdict))).toEqual([]);
    await openTab(popup, 'Levels');
  });

  it('has no serious or critical axe violation in the options page, and reaches its controls by Tab', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Save and test' }).waitFor();
    expect(await violationsInBothThemes(options, 'options')).toEqual([]);
    const { expected, reached } = await tabWalk(options);
    expect(reached.map((step) => step.key)).toEqual(expected);
    expect(reached.filter((step) => !step.ring).map((step) => step.key)).toEqual([]);
    await options.close();
  });
});
