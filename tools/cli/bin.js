#!/usr/bin/env node
// The package's `dealwatch` bin: runs the TypeScript CLI through tsx from any directory, with the
// repository's tsconfig so the @dealwatch/* path aliases resolve.
const path = require('node:path');

process.env.TSX_TSCONFIG_PATH ??= path.join(__dirname, '..', '..', 'tsconfig.json');
require('tsx/cjs/api').register();
require('../dealwatch-cli.ts');
