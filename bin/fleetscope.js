#!/usr/bin/env node
'use strict';
// `npx fleetscope …`: the compiled CLI when a build exists (the production image), otherwise the
// TypeScript sources through @swc-node/register (a development checkout).
const path = require('node:path');
const fs = require('node:fs');

const compiled = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (fs.existsSync(compiled)) {
  require(compiled);
} else {
  require('@swc-node/register');
  require(path.join(__dirname, '..', 'apps', 'cli', 'src', 'main.ts'));
}
