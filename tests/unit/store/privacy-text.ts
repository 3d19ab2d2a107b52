/** What PRIVACY.md declares, read from its text: the permission table's entries and Firefox's data-collection declaration. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PRIVACY = fileURLToPath(new URL('../../../PRIVACY.md', import.meta.url));

export function privacyText(): string {
  return readFileSync(PRIVACY, 'utf8');
}

/** Every `code` token in the first cell of the permission table's rows. */
export function declaredPermissions(text = privacyText()): string[] {
  const section = text.slice(text.indexOf('## Permissions'), text.indexOf('\n## ', text.indexOf('## Permissions') + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([^`]+)`/g)].map((match) => match[1]));
}

/** The Firefox bullet's `required: [...]` (and `optional: [...]`, if any) as the manifest's object. */
export function declaredFirefoxDataCollection(text = privacyText()): Record<string, string[]> {
  const bullet = text.slice(text.indexOf('- **Firefox**'), text.indexOf('- **Chrome Web Store**'));
  return Object.fromEntries(
    [...bullet.matchAll(/`(required|optional): (\[[^\]]*\])`/g)].map((match) => [match[1], JSON.parse(match[2]) as string[]]),
  );
}
