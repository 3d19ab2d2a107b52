/**
 * A Vite plugin: Preact's renderer without its one `innerHTML` assignment, the `dangerouslySetInnerHTML`
 * branch. gexmap never sets HTML from a string (every node is built by Preact from data), so the branch
 * is dead code — but it is the only `innerHTML =` in what ships, and AMO's linter warns on it in every
 * bundle that holds Preact. The branch now throws instead, so a future use fails loudly rather than
 * parsing HTML; if Preact's code changes shape, the build stops and says so (nothing slips through).
 */
import type { Plugin } from 'vite';

/** Preact's own bundles (the ESM one Vite resolves, and the others, should a resolver pick them). */
const PREACT_BUNDLE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact(\.min)?\.(module\.js|mjs|js)$/;
/** `(node.innerHTML = next.__html)`: the branch that writes the HTML string (Preact 10). */
const INNER_HTML_WRITE = /\(\s*(\w+)\.innerHTML\s*=\s*(\w+)\.__html\s*\)/g;
const REFUSAL = '(function(){throw new Error("gexmap: dangerouslySetInnerHTML is not supported (no HTML from strings)")})()';

/** The bundle's code with the write replaced; throws when the bundle does not hold exactly one. */
export function withoutInnerHtml(code: string, file: string): string {
  const writes = code.match(INNER_HTML_WRITE)?.length ?? 0;
  if (writes !== 1)
    throw new Error(
      `${file}: expected one dangerouslySetInnerHTML write (x.innerHTML = y.__html) in Preact, found ${writes}; update scripts/build/preact-without-inner-html.ts`,
    );
  return code.replace(INNER_HTML_WRITE, REFUSAL);
}

export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'gexmap:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!PREACT_BUNDLE.test(file)) return null;
      return { code: withoutInnerHtml(code, file), map: null };
    },
  };
}
