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
  require('@swc-node/register');
  require(source);
} else {
  require(path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js'));
}
