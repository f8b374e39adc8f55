#!/usr/bin/env node
'use strict';
// `npx fleetscope …`: the TypeScript sources through @swc-node/register where they are (a
// checkout, so a stale dist/ never shadows them), otherwise the compiled CLI (the production
// image ships dist/ and no sources).
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const source = path.join(root, 'apps', 'cli', 'src', 'main.ts');
if (fs.existsSync(source)) {
  // @swc-node/register reads the tsconfig.json of the working directory (its path aliases), so
  // from anywhere else, as `import azure-functions` is run beside the downloaded files, every
  // @fleetscope/* import failed: point it at the checkout's.
  process.env.SWC_NODE_PROJECT ||= path.join(root, 'tsconfig.json');
  require('@swc-node/register');
  require(source);
} else {
  require(path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js'));
}
