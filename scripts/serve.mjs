// Serves the demo on 127.0.0.1 (the same static server the browser tests use).
// Usage: node scripts/serve.mjs [port]
import { startServer, ROOT } from '../tests/browser/server.mjs';

const port = Number(process.argv[2] || process.env.PORT || 8080);
const server = await startServer({ port });
console.log(`econ-widget demo: ${server.url}/www/index.html`);
console.log(`(www/index.html also opens from disk: file://${ROOT}www/index.html)  Ctrl+C to stop.`);
