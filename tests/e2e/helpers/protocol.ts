/** Messages to the background in its wire format, shared with the demo (scripts/dev/ask-extension.ts). */
export * from '../../../scripts/dev/ask-extension';
