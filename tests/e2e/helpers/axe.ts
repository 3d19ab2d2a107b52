/**
 * axe-core run inside a page (the package's own bundle, evaluated through the debugging protocol, which
 * an extension page's content security policy does not block), its violations in one line each.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from './paths';

const AXE_SOURCE = join(projectRoot, 'node_modules/axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

let source: Promise<string> | null = null;

/** Every violation axe finds in the page as it is now (hidden panels are not looked at, as axe does). */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  source ??= readFile(AXE_SOURCE, 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeResult[] }> } }).axe;
    interface AxeResult {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }
    const { violations } = await axe.run(document);
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
    }));
  });
}

/** The serious and critical ones: what the suite refuses. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
