/**
 * A term with its help: focusable, its text shown on hover and on keyboard focus (and said by screen
 * readers through aria-describedby); Escape hides it again. Texts come from the one help table.
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { HELP_TERMS, type HelpTermId } from '../../../lib/format/help-terms';

/** `name`: the term's accessible name when its visible text is a symbol (said, not shown: a generic span takes no aria-label). */
export function Term({ id, children, name }: { id: HelpTermId; children?: ComponentChildren; name?: string }) {
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  return (
    <span
      class="term"
      tabIndex={0}
      data-help={id}
      aria-describedby={tipId}
      onKeyDown={(event) => event.key === 'Escape' && setDismissed(true)}
      onBlur={() => setDismissed(false)}
      onMouseLeave={() => setDismissed(false)}
    >
      {name && <span class="sr-only">{name}</span>}
      {children ?? HELP_TERMS[id].label}
      <span role="tooltip" id={tipId} class={dismissed ? 'tip dismissed' : 'tip'}>
        {HELP_TERMS[id].text}
      </span>
    </span>
  );
}
