/**
 * The contract between the main-world chart bridge and the overlay: the message shapes, their checks,
 * and the chart libraries whose own API the bridge asks. Code outside this folder enters through this file.
 */
export {
  BRIDGE_CHANNEL,
  BRIDGE_HELLO,
  MAX_BRIDGE_CHARTS,
  MAX_TAPPED_LABELS,
  bridgeEventText,
  readBridgeEventText,
  type BridgeChart,
  type BridgeMessage,
  type LibraryChart,
  type TappedCanvas,
} from './bridge-message';
export { CHART_LIBRARIES, type ChartLibrary } from './chart-libraries';
