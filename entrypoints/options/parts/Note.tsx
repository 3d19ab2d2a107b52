import type { Message } from '../useSettings';

/** A section's answer: "Saved.", or what was wrong. */
export function Note({ message, testId }: { message: Message; testId: string }) {
  if (!message) return null;
  return (
    <p role={message.kind === 'bad' ? 'alert' : 'status'} class={message.kind} data-testid={testId}>
      {message.text}
    </p>
  );
}
