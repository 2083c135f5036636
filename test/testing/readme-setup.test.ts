import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
/** Where the README's files are placed for the compiler: a user's project, with its stack in src/edge.ts. */
const PROJECT = path.join(__dirname, '__readme__');

/** A user's stack, for the README's test to import. */
const EDGE_STACK = `import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { FastlyProvider, LoadBalancing, OriginPool, VclService } from 'cdktf-fastly-origins';

export class EdgeStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new FastlyProvider(this, 'fastly', {});
    const site = new VclService(this, 'site', { name: 'www-example', domains: ['www.example.com'] });
    new OriginPool(site, 'web', { origins: [{ address: 'web-1.example.net' }], loadBalancing: LoadBalancing.auto() });
  }
}
`;

/** The TypeScript blocks of the README's jest section: the setup file, then a test file. */
function readmeJestFiles(): [string, string] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('In your jest suite'));
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  return [blocks[0], blocks[1]];
}

/** Compiles the README's setup and test files against the library as a strict user project would, with unused names as errors. */
function compileReadmeJestFiles(): string[] {
  const [setup, routingTest] = readmeJestFiles();
  const files = new Map([
    [path.join(PROJECT, 'test', 'setup.ts'), setup],
    [path.join(PROJECT, 'test', 'routing.test.ts'), routingTest],
    [path.join(PROJECT, 'src', 'edge.ts'), EDGE_STACK],
  ]);
  const options: ts.CompilerOptions = {
    strict: true, noUnusedLocals: true, noUnusedParameters: true, noEmit: true, skipLibCheck: true,
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, types: ['jest', 'node'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    baseUrl: ROOT, paths: { 'cdktf-fastly-origins': ['src/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.directoryExists = (directory) => directory.startsWith(PROJECT) || (directoryExists?.call(host, directory) ?? true);
  host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => files.has(file)
    ? ts.createSourceFile(file, files.get(file)!, language)
    : getSourceFile.call(host, file, language, ...rest);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file === undefined || files.has(diagnostic.file.fileName))
    .map((diagnostic) => `${diagnostic.file ? path.relative(PROJECT, diagnostic.file.fileName) : ''}: `
      + ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}

describe('the README\'s jest setup', () => {
  test('compiles in a strict project with noUnusedLocals, and toRouteRequest is typed without a declare global of the user\'s', () => {
    expect(compileReadmeJestFiles()).toEqual([]);
  });
});
