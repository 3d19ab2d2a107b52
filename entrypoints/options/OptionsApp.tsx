/**
 * Options: data source and keys (checked by a test request), the model (sign model, rates and dividends
 * per ticker, transition band), the chart overlay (lines, colours, symbol mapping with futures basis,
 * enabled sites), and data (import a chain file, export, clear). Keys are write-only here: the
 * background never sends them back, only whether each is set.
 */
import { useSettings } from './useSettings';
import { SourceSection } from './parts/SourceSection';
import { ModelSection } from './parts/ModelSection';
import { OverlaySection } from './parts/OverlaySection';
import { DataSection } from './parts/DataSection';

export function OptionsApp() {
  const { editor, loadError } = useSettings();
  if (!editor) {
    return (
      <main>
        <p class="muted">Loading…</p>
        {loadError && (
          <p role="alert" class="bad" data-testid="options-message">
            {loadError}
          </p>
        )}
      </main>
    );
  }
  return (
    <main>
      <h1>gexmap options</h1>
      <SourceSection editor={editor} />
      <ModelSection editor={editor} />
      <OverlaySection editor={editor} />
      <DataSection editor={editor} />
    </main>
  );
}
