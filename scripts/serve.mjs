// Serves the demo on 127.0.0.1 (the same static server the browser tests use).
// Usage: node scripts/serve.mjs [port]   — if the port is taken, a free one is used.
import { startServer, ROOT } from '../tests/browser/server.mjs';

const port = Number(process.argv[2] || process.env.PORT || 8080);
let server;
try {
  server = await startServer({ port });
} catch (e) {
  if (e.code !== 'EADDRINUSE') throw e;
  console.log(`port ${port} is in use; picking a free one`);
  server = await startServer({ port: 0 });
}
console.log(`econ-widget demo: ${server.url}/www/index.html`);
console.log(`(www/index.html also opens from disk: file://${ROOT}www/index.html)  Ctrl+C to stop.`);
