/**
 * The readers of a chart: the one table (id, the panel's label, the test contract's name, what each
 * reads; its order is the priority) and the choice among them from what they report. Code outside this
 * folder enters through this file.
 */
export { NO_READER, READERS, pageChart, sameReport, type ChartView, type ReaderId, type ReaderState } from './readers';
export { OFFER_CALIBRATION_AFTER_MS, chooseReader, type ReaderChoice, type ReaderNote } from './reader-choice';
