// A deterministic price path around the SPX sample's levels (4600-4850), for test charts only.
window.syntheticCandles = function syntheticCandles(count, start) {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const candles = [];
  let close = start;
  const day = Date.UTC(2023, 8, 1) / 1000;
  for (let i = 0; i < count; i++) {
    const open = close;
    close = Math.max(4560, Math.min(4880, open + (random() - 0.48) * 30));
    const high = Math.max(open, close) + random() * 12;
    const low = Math.min(open, close) - random() * 12;
    candles.push({ time: day + i * 86400, open: +open.toFixed(2), high: +high.toFixed(2), low: +low.toFixed(2), close: +close.toFixed(2) });
  }
  return candles;
};
