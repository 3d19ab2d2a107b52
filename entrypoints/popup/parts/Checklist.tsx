/** The session checklist: each item a verdict and its reason. */
import type { LevelsReply } from '../../../lib/protocol';
import { sessionChecklist } from '../../../lib/gex/checklist';

export function Checklist({ reply }: { reply: LevelsReply }) {
  return (
    <section aria-label="Session checklist">
      <h2>Session checklist</h2>
      <ul class="checklist" data-testid="checklist">
        {sessionChecklist(reply.levels!, reply.ivShift).map((item) => (
          <li key={item.id} data-item={item.id} data-verdict={item.verdict}>
            <span class="verdict" data-verdict={item.verdict}>
              {item.verdict}
            </span>{' '}
            <strong>{item.title}.</strong> {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
