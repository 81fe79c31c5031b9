// Builds every service into dist/ with tsc (which emits the decorator metadata Nest needs), then
// writes dist/node_modules/@westgate/<lib> shims so that `node dist/apps/<app>/src/main.js` resolves
// the library aliases with plain Node, in development and in the container image alike.
const { execFileSync } = require('node:child_process');
const { mkdirSync, readdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const dist = path.join(root, 'dist');

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

for (const lib of readdirSync(path.join(root, 'libs'))) {
  const shim = path.join(dist, 'node_modules', '@westgate', lib);
  mkdirSync(shim, { recursive: true });
  writeFileSync(path.join(shim, 'index.js'), `module.exports = require('../../../libs/${lib}/src/index.js');\n`);
}
