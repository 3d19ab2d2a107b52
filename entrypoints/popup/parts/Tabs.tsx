/**
 * The popup's sections as tabs, so it fits a 600 px popup: one tab list, arrow keys move between tabs
 * (the WAI-ARIA tabs pattern), every panel stays rendered (hidden ones keep their state and charts).
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface TabSpec {
  id: string;
  label: string;
  /** The panel; a function when it needs to know whether it is shown (to load only once opened). */
  content: ComponentChildren | ((shown: boolean) => ComponentChildren);
}

export function Tabs({ tabs, label }: { tabs: TabSpec[]; label: string }) {
  const [active, setActive] = useState(tabs[0]?.id ?? '');
  const list = useRef<HTMLDivElement>(null);
  const select = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    setActive(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
  const current = tabs.findIndex((tab) => tab.id === active);
  return (
    <>
      <div
        class="main-tabs"
        role="tablist"
        aria-label={label}
        ref={list}
        onKeyDown={(event) => {
          const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
          if (event.key in moves) {
            event.preventDefault();
            select(moves[event.key]);
          }
        }}
      >
        {tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            key={tab.id}
            id={`tab-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => setActive(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
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
