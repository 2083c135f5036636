#!/usr/bin/env node
// Checks the built library (lib/) against the corpus of Fastly configurations whose fate is known:
// every configuration Fastly accepted must get no error, and every one it rejected for its own
// content must get one. Ends with the line
//   corpus: N accepted, FP=x; M rejected, caught=y
// and exits 1 when FP > 0 or a rejected configuration passes.
//
// The corpus is not part of the repository; scripts/corpus.js says where it is looked for. There is
// no silent skip.
'use strict';
const fs = require('fs');
const path = require('path');
const { locateCorpus } = require('./corpus');

const root = path.resolve(__dirname, '..');

function findCorpus() {
  const { dir, candidates, origin } = locateCorpus();
  if (dir === undefined) {
    console.error('test:corpus: no corpus (manifest.json) found; looked at:');
    for (const [how, candidate] of candidates) console.error(`  ${candidate} (${how})`);
    if (origin === undefined) console.error('  (git remote.origin.url names no local checkout)');
    console.error('Set FASTLY_CORPUS_DIR to the corpus directory.');
    process.exit(2);
  }
  return dir;
}

function loadLibrary() {
  const entry = path.join(root, 'lib', 'index.js');
  if (!fs.existsSync(entry)) {
    console.error(`test:corpus: ${entry} is missing; build the library first (npx projen compile)`);
    process.exit(2);
  }
  return require(entry);
}

const corpus = findCorpus();
const { validateServiceConfig } = loadLibrary();
const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8'));
const verbose = process.argv.includes('--verbose');

/** The errors of every service of one file; with `schema` false, without the provider-schema check. */
function errorsOf(document, schema) {
  const errors = [];
  for (const resourceType of ['fastly_service_vcl', 'fastly_service_compute']) {
    for (const [name, raw] of Object.entries((document.resource || {})[resourceType] || {})) {
      for (const body of Array.isArray(raw) ? raw : [raw]) {
        for (const finding of validateServiceConfig(body, { resourceType })) {
          if (finding.severity === 'error' && (schema || finding.ruleId !== 'schema')) errors.push({ service: `${resourceType}.${name}`, ...finding });
        }
      }
    }
  }
  return errors;
}

let accepted = 0;
let rejected = 0;
const falsePositives = [];
const falsePositivesWithoutSchema = [];
const caught = [];
const missed = [];
for (const entry of manifest.files) {
  const document = JSON.parse(fs.readFileSync(path.join(corpus, entry.file), 'utf8'));
  const errors = errorsOf(document, true);
  if (entry.expectation === 'accepted') {
    accepted++;
    if (errors.length > 0) falsePositives.push({ entry, errors });
    if (errors.some((error) => error.ruleId !== 'schema')) falsePositivesWithoutSchema.push(entry);
  } else if (entry.expectation.startsWith('rejected:')) {
    rejected++;
    (errors.length > 0 ? caught : missed).push({ entry, errors });
  }
}

for (const { entry, errors } of falsePositives) {
  console.log(`FP ${entry.file}`);
  for (const error of errors) console.log(`    ${error.service}: ${error.message}`);
}
for (const { entry } of missed) console.log(`MISSED ${entry.file} [${entry.expectation}]`);
for (const { entry, errors } of caught) {
  console.log(`caught ${entry.file} [${entry.expectation}] by ${[...new Set(errors.map((error) => error.ruleId))].join(', ')}`);
  if (verbose) for (const error of errors) console.log(`    ${error.service}: ${error.message}`);
}
console.log(`without the schema rule: ${accepted} accepted, FP=${falsePositivesWithoutSchema.length}`);
console.log(`corpus: ${accepted} accepted, FP=${falsePositives.length}; ${rejected} rejected, caught=${caught.length}`);
process.exitCode = falsePositives.length > 0 || missed.length > 0 ? 1 : 0;
