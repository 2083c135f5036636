#!/usr/bin/env node
// Makes the compiled package entry point load the generated provider bindings on first use.
//
//   node scripts/lazy-bindings.js [package folder]   (default: the repository; the staged cdktn package passes its own)
//
// src/index.ts re-exports each binding as a namespace (`export * as serviceVcl from
// './generated/service-vcl'`), the shape jsii and the prebuilt provider packages use, and
// TypeScript compiles that to an eager `require`. A whole provider's bindings are megabytes of
// JavaScript, so, like the lazy index the provider generator writes, the compiled re-exports become
// getters: `require('cdktf-fastly-origins')` pays only for what a program touches.
'use strict';
const fs = require('fs');
const path = require('path');

const file = path.join(process.argv[2] ?? path.join(__dirname, '..'), 'lib', 'index.js');
const EAGER = /^exports\.(\w+) = __importStar\(require\("(\.\/generated\/[\w-]+)"\)\);$/gm;
const text = fs.readFileSync(file, 'utf8');
let count = 0;
const lazy = text.replace(EAGER, (_line, name, module) => {
  count++;
  return `Object.defineProperty(exports, "${name}", { enumerable: true, get: () => __importStar(require("${module}")) });`;
});
if (count === 0 && !text.includes('Object.defineProperty(exports, "serviceVcl"')) {
  throw new Error(`${file}: no namespace re-export of the generated bindings found; did src/index.ts change?`);
}
fs.writeFileSync(file, lazy);
console.log(`lazy-bindings: ${count} namespace(s) in ${path.relative(process.cwd(), file) || file} load on first use`);
