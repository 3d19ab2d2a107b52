/** The session checklist: the morning routine's questions, each with a verdict in words and its reason. */
import type { LevelsReply } from '../../../lib/protocol';
import { sessionChecklist } from '../../../lib/gex/checklist';
import { Scroller } from './Scroller';

export function Checklist({ reply }: { reply: LevelsReply }) {
  return (
    <section aria-label="Session checklist">
      <h2>Session checklist</h2>
      <Scroller label="Session checklist (scrolls)" class="checklist-scroll">
        <ul class="checklist" data-testid="checklist">
          {sessionChecklist(reply.levels!, reply.ivShift).map((item) => (
            <li key={item.id} data-item={item.id} data-verdict={item.verdict}>
              <strong class="check-title">{item.title}</strong>{' '}
              <span class="verdict" data-verdict={item.verdict}>
                {item.verdictLabel}.
              </span>{' '}
              <span class="check-reason">{item.text}</span>
            </li>
          ))}
        </ul>
      </Scroller>
    </section>
  );
}
