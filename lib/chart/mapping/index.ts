/**
 * Price <-> pixel mappings: linear, log, sampled, TradingView's price scales and the user's calibration.
 * Code outside this folder enters through this file.
 */
export { calibratedMapping, type Calibration } from './calibration';
export { priceToY, sameMapping, yToPrice, type PlotRect, type PriceMapping, type ScaleKind } from './mapping';
export { mappingFromSamples } from './sampled-mapping';
export { SAMPLE_FRACTIONS, mappingFromCoordinates, mappingFromVisibleRange } from './tradingview-scale';
