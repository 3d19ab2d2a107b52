/**
 * Uncaught exceptions and unhandled rejections in every world of a page — the page's own and the
 * isolated worlds of content scripts, which Playwright's "pageerror" does not report.
 */
import type { BrowserContext, Page } from 'playwright-core';

export async function watchPageErrors(context: BrowserContext, page: Page): Promise<string[]> {
  const errors: string[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (event: { exceptionDetails: { text: string; exception?: { description?: string } } }) => {
    const details = event.exceptionDetails;
    errors.push(`${details.text} ${details.exception?.description ?? ''}`.trim().split('\n')[0]);
  });
  await cdp.send('Runtime.enable');
  return errors;
}
