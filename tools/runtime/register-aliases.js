// Resolves `@westgate/<lib>` to the library's TypeScript entry point, for the command-line tools
// that run from source through ts-node (the compiled services use dist/node_modules shims instead).
const Module = require('node:module');
const path = require('node:path');

const libs = path.resolve(__dirname, '..', '..', 'libs');
const resolve = Module._resolveFilename;

Module._resolveFilename = function resolveWestgateAlias(request, ...rest) {
  const alias = /^@westgate\/([a-z-]+)$/.exec(request);
  return resolve.call(this, alias ? path.join(libs, alias[1], 'src', 'index.ts') : request, ...rest);
};
