/**
 * A box that scrolls where the popup is short: focusable, so the keyboard can scroll it (arrow keys,
 * Page Up and Down) as a mouse wheel would, and named for screen readers when focus reaches it.
 */
import type { ComponentChildren } from 'preact';

export function Scroller({ label, class: className, children }: { label: string; class: string; children: ComponentChildren }) {
  return (
    <div class={`scroller ${className}`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
