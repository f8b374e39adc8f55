#!/usr/bin/env node
// Regenerates libs/otlp/src/generated/otlp.{js,d.ts} from the vendored protos in libs/otlp/proto.
// Usage (from the repo root): node libs/otlp/scripts/generate.js
//
// Static code (not protobufjs reflection at run time) because it is the fastest decoder protobufjs
// offers: each message gets a hand-unrolled switch over field tags. 64-bit fields decode as Long
// (--force-long) so nanosecond timestamps never pass through a JS number.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..');
const protoDir = path.join(root, 'proto');
const outDir = path.join(root, 'src', 'generated');
const bin = (name) => path.resolve(root, '..', '..', 'node_modules', '.bin', name);

const protos = [
  'opentelemetry/proto/collector/trace/v1/trace_service.proto',
  'opentelemetry/proto/collector/logs/v1/logs_service.proto',
  'opentelemetry/proto/collector/metrics/v1/metrics_service.proto',
  'google/rpc/status.proto',
  'google/rpc/error_details.proto',
];

fs.mkdirSync(outDir, { recursive: true });
const js = path.join(outDir, 'otlp.js');
execFileSync(
  bin('pbjs'),
  [
    '-t',
    'static-module',
    '-w',
    'commonjs',
    '-p',
    protoDir,
    '--force-long',
    '--no-verify',
    '--no-delimited',
    '--no-service',
    '--no-typeurl',
    '-o',
    js,
    ...protos.map((p) => path.join(protoDir, p)),
  ],
  { stdio: 'inherit' },
);
execFileSync(bin('pbts'), ['-o', path.join(outDir, 'otlp.d.ts'), js], { stdio: 'inherit' });
console.log(`generated ${path.relative(process.cwd(), js)} and otlp.d.ts`);
