/** The local HTTP server, shared with the demo (scripts/dev/local-server.ts). */
export * from '../../../scripts/dev/local-server';
