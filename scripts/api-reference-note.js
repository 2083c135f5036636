#!/usr/bin/env node
// Adds to the API.md that jsii-docgen wrote in a package folder (default: the current one) how the
// reference maps onto the other package: cdktf-fastly-origins and cdktn-fastly-origins have one API
// under two sets of names.
//
//   node scripts/api-reference-note.js [package folder]
'use strict';
const fs = require('fs');
const path = require('path');

const packageDir = process.argv[2] ?? '.';
const apiFile = path.join(packageDir, 'API.md');

const RUNTIMES = ['cdktf', 'cdktn'];
const { name } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const runtime = RUNTIMES.find((candidate) => name.startsWith(`${candidate}-`));
if (!runtime) throw new Error(`package ${name} is not named after a runtime (${RUNTIMES.join(', ')})`);
const other = RUNTIMES.find((candidate) => candidate !== runtime);
const otherName = name.replace(runtime, other);

const note = [
  `\`${name}\` (for ${runtime} apps) and \`${otherName}\` (for ${other} apps) have the same API, built`,
  `from one source. This reference uses \`${name}\`'s names; with \`${otherName}\`, import from`,
  `\`${otherName}\` and read the runtime's types as \`${other}.\` types (\`${runtime}.TerraformStack\` is`,
  `\`${other}.TerraformStack\`).`,
].join('\n');

const [title, ...rest] = fs.readFileSync(apiFile, 'utf8').split('\n');
if (!title.startsWith('# API Reference')) throw new Error('API.md does not start with jsii-docgen\'s title');
fs.writeFileSync(apiFile, [title, '', note, ...rest].join('\n'));
