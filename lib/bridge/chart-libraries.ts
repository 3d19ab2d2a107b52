/**
 * The chart libraries whose own price-to-pixel API the bridge asks (feature-detected in the page's
 * main world): one row each, the key the bridge sends and the label the panel shows. Libraries not
 * here are read from their drawing: the canvas text tap, or the axis text in the DOM.
 */
export const CHART_LIBRARIES = {
  echarts: { label: 'ECharts' },
  chartjs: { label: 'Chart.js' },
  plotly: { label: 'Plotly' },
} as const;

export type ChartLibrary = keyof typeof CHART_LIBRARIES;

export const isChartLibrary = (value: unknown): value is ChartLibrary => typeof value === 'string' && Object.hasOwn(CHART_LIBRARIES, value);
