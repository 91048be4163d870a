#!/usr/bin/env node
// Runs the CLI bundle that `npm run build` makes (`npm ci` and `npm test` run it). From a
// checkout, `npm run cli -- <args>` runs the TypeScript sources instead.
import '../dist/cli.mjs'
