/** Short explanations of the terms on the card, for a trader new to dealer positioning. */
export function HelpTexts() {
  const entries: [string, string][] = [
    ['Delta', 'How much an option’s price moves per 1-point move of the underlying; a dealer hedges by holding the opposite delta in shares or futures.'],
    ['Gamma', 'How fast delta changes as the underlying moves. Large gamma near spot means large re-hedging when price moves.'],
    ['Vega', 'How much an option’s price moves per 1 point of implied volatility.'],
    ['Delta-neutral', 'A book whose total delta is zero: dealers trade the underlying to stay there as prices move.'],
    ['Long vs short gamma', 'Dealers long gamma sell into rallies and buy dips (dampening); short gamma forces them to buy rallies and sell dips (amplifying). The flip is where the total changes sign.'],
    ['The sign model', 'Open interest does not say who is long. The default assumes customers buy puts and sell calls, so dealers are long calls and short puts. It is an assumption; change it in the options.'],
  ];
  return (
    <section aria-label="Help">
      <h2>What the numbers mean</h2>
      {entries.map(([term, text]) => (
        <details key={term}>
          <summary>{term}</summary>
          <p class="muted">{text}</p>
        </details>
      ))}
    </section>
  );
}
