/** The glossary: every help text of the popup and the overlay, from the one help table. */
import { HELP_TERMS, HELP_TERM_IDS } from '../../../lib/format/help-terms';
import { Scroller } from './Scroller';

export function HelpTexts() {
  return (
    <section aria-label="Help">
      <h2>What the numbers mean</h2>
      <Scroller label="What the numbers mean (scrolls)" class="glossary-scroll">
        <dl class="glossary" data-testid="glossary">
          {HELP_TERM_IDS.map((id) => (
            <div key={id} data-help-entry={id}>
              <dt>{HELP_TERMS[id].label}</dt>
              <dd class="muted">{HELP_TERMS[id].text}</dd>
            </div>
          ))}
        </dl>
      </Scroller>
    </section>
  );
}
