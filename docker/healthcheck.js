// Container healthcheck: GET http://127.0.0.1:<port><path> and exit 0 on a 2xx, 1 otherwise.
// Usage: node docker/healthcheck.js [/health/live | /health/ready]   (default /health/live)
//
// Plain Node (built-in fetch) because the slim runtime image has no curl or wget. The port is
// PORT when set, else the app's default port (API.md, "Common to every service"; also
// tools/stack/services.ts), picked by the APP variable the image sets.
'use strict';

const DEFAULT_PORTS = {
  'enterprise-registry': 3001,
  'support-grants': 3002,
  'trade-statistics': 3003,
  notifications: 3004,
};

const path = process.argv[2] ?? '/health/live';
const port = process.env.PORT || DEFAULT_PORTS[process.env.APP ?? ''];

if (!port) {
  console.error(`healthcheck: set PORT, or APP to one of ${Object.keys(DEFAULT_PORTS).join(', ')}`);
  process.exit(1);
}

fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) })
  .then((response) => {
    if (!response.ok) console.error(`healthcheck: ${path} answered ${response.status}`);
    process.exit(response.ok ? 0 : 1);
  })
  .catch((error) => {
    console.error(`healthcheck: ${path} failed: ${error.message}`);
    process.exit(1);
  });
