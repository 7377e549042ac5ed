// Runs the worker from its TypeScript source, for specs and tsx; a build runs conversion.worker.js.
require('tsx/cjs');
module.exports = require('./conversion.worker.ts');
