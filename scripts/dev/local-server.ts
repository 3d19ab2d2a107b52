/**
 * A local HTTP server for the demo, the end-to-end tests and the benchmarks: serves pages and fixtures from disk, and lets a test
 * script any route's answer (status, body, a hang) to play the data host. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.png': 'image/png',
};

type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  origin: string;
  /** Overrides (or adds) a route; later calls replace earlier ones. */
  route(path: string, handler: RouteHandler): void;
  requests: string[];
  close(): Promise<void>;
}

export async function startServer(roots: Record<string, string>): Promise<TestServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`server error: ${String(error)}`);
    });
  });
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const handler = routes.get(path);
    if (handler) return void (await handler(request, response));
    // Longest prefix first, falling through to shorter ones when a file is not there.
    for (const [prefix, dir] of Object.entries(roots).sort((a, b) => b[0].length - a[0].length)) {
      if (!path.startsWith(prefix)) continue;
      const relative = normalize(decodeURIComponent(path.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
      try {
        const body = await readFile(join(dir, relative));
        response.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' });
        return void response.end(body);
      } catch {
        continue;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end(`not found: ${path}`);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, handler) => void routes.set(path, handler),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
