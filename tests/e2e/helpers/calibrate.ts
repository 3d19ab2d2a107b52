/** Calibrates the overlay through its handles, as a user would: drag each onto a price and type it. */
import type { Page } from 'playwright-core';

export async function calibrateThroughHandles(page: Page, prices: [number, number], apiName = 'chartApi'): Promise<void> {
  const panel = page.getByTestId('gexmap-panel');
  if ((await panel.getAttribute('data-collapsed')) === 'true') await page.locator('gexmap-overlay .gx-pill').click();
  await page.locator('gexmap-overlay [data-action="calibrate"]').click();
  const handles = page.locator('gexmap-overlay .gx-handle-grip');
  const inputs = page.locator('gexmap-overlay .gx-handle-price');
  for (const [index, price] of prices.entries()) {
    const target = await page.evaluate(
      ({ api, price }) => (window as unknown as Record<string, { priceToY(p: number): number }>)[api].priceToY(price),
      { api: apiName, price },
    );
    const box = (await handles.nth(index).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, target, { steps: 6 });
    await page.mouse.up();
    await inputs.nth(index).fill(String(price));
  }
  await page.locator('gexmap-overlay [data-action="save-calibration"]').click();
}
