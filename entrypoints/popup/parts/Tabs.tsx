/**
 * The popup's sections as tabs, so it fits a 600 px popup: one tab list, arrow keys move between tabs
 * (the WAI-ARIA tabs pattern), every panel stays rendered (hidden ones keep their state and charts).
 * TabList is the list alone, for tabs whose panels are drawn elsewhere (History's own tabs).
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface TabSpec {
  id: string;
  label: string;
  /** The panel; a function when it needs to know whether it is shown (to load only once opened). */
  content: ComponentChildren | ((shown: boolean) => ComponentChildren);
}

/** Where each key moves the selection: the next and previous tab (wrapping), the first and the last. */
const MOVES: Record<string, (current: number, count: number) => number> = {
  ArrowRight: (current) => current + 1,
  ArrowLeft: (current) => current - 1,
  Home: () => 0,
  End: (_current, count) => count - 1,
};

/**
 * One tab stop for the whole list (the selected tab); arrows, Home and End select and focus another,
 * Enter and Space select the focused one (they are buttons). `ids` prefixes the tab and panel ids.
 */
export function TabList({
  tabs,
  label,
  active,
  onSelect,
  ids,
  class: className,
}: {
  tabs: readonly { id: string; label: string }[];
  label: string;
  active: string;
  onSelect: (id: string) => void;
  ids: string;
  class: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  return (
    <div
      class={className}
      role="tablist"
      aria-label={label}
      ref={list}
      onKeyDown={(event) => {
        const move = MOVES[event.key];
        if (!move) return;
        event.preventDefault();
        // From the focused tab (the selected one, unless focus was put elsewhere).
        const focused = tabs.findIndex((tab) => `${ids}tab-${tab.id}` === (event.target as HTMLElement).id);
        const from = focused >= 0 ? focused : tabs.findIndex((tab) => tab.id === active);
        const tab = tabs[(move(from, tabs.length) + tabs.length) % tabs.length];
        onSelect(tab.id);
        list.current?.querySelector<HTMLElement>(`#${ids}tab-${tab.id}`)?.focus();
      }}
    >
      {tabs.map((tab) => (
        <button
          type="button"
          role="tab"
          key={tab.id}
          id={`${ids}tab-${tab.id}`}
          aria-selected={tab.id === active}
          aria-controls={`${ids}panel-${tab.id}`}
          tabIndex={tab.id === active ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function Tabs({ tabs, label }: { tabs: TabSpec[]; label: string }) {
  const [active, setActive] = useState(tabs[0]?.id ?? '');
  return (
    <>
      <TabList tabs={tabs} label={label} active={active} onSelect={setActive} ids="" class="main-tabs" />
      {tabs.map((tab) => (
        <section
          role="tabpanel"
          key={tab.id}
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab.id !== active}
          data-panel={tab.id}
        >
          {typeof tab.content === 'function' ? tab.content(tab.id === active) : tab.content}
        </section>
      ))}
    </>
  );
}
