#!/usr/bin/env node
// CommonJS (bin/package.json), like dist/cli.js: no ES-module loader at start (src/cli/launch.ts).
require('../dist/cli.js');
