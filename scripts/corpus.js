// Where the corpus of Fastly configurations whose fate is known is: it is not part of the
// repository. $FASTLY_CORPUS_DIR, else ../shared/fastly/corpus next to this repository, else next
// to the repository that `git config remote.origin.url` names (a fresh clone of a local checkout),
// else next to the main worktree of a linked worktree. Used by test:corpus and test:convert.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const CORPUS_IN_SHARED = path.join('..', 'shared', 'fastly', 'corpus');

function originDirectory() {
  let url;
  try {
    url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
  if (url.startsWith('file://')) return new URL(url).pathname;
  // A URL with a scheme, or scp-like host:path, is not a checkout on this machine.
  if (url === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^[^/]+:/.test(url)) return undefined;
  return path.resolve(root, url);
}

/** The main working tree when this is a linked worktree (`git worktree add`), whose neighbours are the repository's. */
function mainWorktree() {
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root, encoding: 'utf8' }).trim();
    const main = path.dirname(common);
    return main === root ? undefined : main;
  } catch {
    return undefined;
  }
}

/**
 * The places looked at, each `[how, dir]`, and the first that holds a manifest.json (`dir`
 * undefined when none does); `origin` is undefined when the remote names no local checkout.
 */
function locateCorpus() {
  const candidates = [];
  if (process.env.FASTLY_CORPUS_DIR) candidates.push(['$FASTLY_CORPUS_DIR', path.resolve(process.env.FASTLY_CORPUS_DIR)]);
  candidates.push(['next to the repository', path.resolve(root, CORPUS_IN_SHARED)]);
  const origin = originDirectory();
  if (origin !== undefined) candidates.push([`next to the origin checkout ${origin}`, path.resolve(origin, CORPUS_IN_SHARED)]);
  const main = mainWorktree();
  if (main !== undefined) candidates.push([`next to the main worktree ${main}`, path.resolve(main, CORPUS_IN_SHARED)]);
  const found = candidates.find(([, dir]) => fs.existsSync(path.join(dir, 'manifest.json')));
  return { dir: found?.[1], candidates, origin };
}

module.exports = { locateCorpus };
