import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { REPOSITORY } from './util';

const ROOT = path.join(__dirname, '..');
const ENTRY = path.join(ROOT, 'src', 'index.ts');
/** Where user files are placed for the compiler: a user's project, with its stack in src/edge.ts. */
const PROJECT = path.join(__dirname, '__user_project__');

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

/** Values the public types should stop at compile time, each on its own line. */
const GUIDED = `import { Construct } from 'constructs';
import { Healthcheck, Pop, VclSnippet } from 'cdktf-fastly-origins';

export function build(scope: Construct): string {
  new VclSnippet(scope, 'ok', { type: 'recv', content: '' });
  new VclSnippet(scope, 'typo', { type: 'receive', content: '' });
  new Healthcheck(scope, 'check', { host: 'origin.example.com', method: 'GET' });
  new Healthcheck(scope, 'lower', { host: 'origin.example.com', method: 'get' });
  Pop.nearest('aws', 'us-east-1');
  return Pop.nearest('amazon', 'us-east-1');
}
`;

/** The TypeScript blocks of the README's jest section: the setup file, then a test file. */
function readmeJestFiles(): [string, string] {
  const readme = fs.readFileSync(path.join(REPOSITORY, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('In your jest suite'));
  // In the staged cdktn package, the README's cdktf code is read as a cdktn user writes it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const asWritten: (code: string) => string = ROOT === REPOSITORY ? (code) => code : require(path.join(REPOSITORY, 'scripts', 'stage-cdktn')).rewriteSource;
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => asWritten(match[1]));
  return [blocks[0], blocks[1]];
}

/**
 * One program over the library and a strict user project that imports it by its package name
 * (with unused names as errors), compiled once for every test here.
 */
function compile(): ts.Program {
  const [setup, routingTest] = readmeJestFiles();
  const files = new Map([
    [path.join(PROJECT, 'test', 'setup.ts'), setup],
    [path.join(PROJECT, 'test', 'routing.test.ts'), routingTest],
    [path.join(PROJECT, 'src', 'edge.ts'), EDGE_STACK],
    [path.join(PROJECT, 'src', 'guided.ts'), GUIDED],
  ]);
  const options: ts.CompilerOptions = {
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ['jest', 'node'],
    typeRoots: [path.join(REPOSITORY, 'node_modules', '@types')],
    baseUrl: ROOT,
    paths: { 'cdktf-fastly-origins': ['src/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.directoryExists = (directory) => directory.startsWith(PROJECT) || (directoryExists?.call(host, directory) ?? true);
  host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => files.has(file)
    ? ts.createSourceFile(file, files.get(file)!, language)
    : getSourceFile.call(host, file, language, ...rest);
  return ts.createProgram([ENTRY, ...files.keys()], options, host);
}

const program = compile();

/** The compiler's complaints about one user file: `line: message`. */
function diagnosticsOf(file: string): string[] {
  const source = program.getSourceFile(path.join(PROJECT, file))!;
  return ts.getPreEmitDiagnostics(program, source).map((diagnostic) =>
    `${diagnostic.start === undefined ? 'program' : source.getLineAndCharacterOfPosition(diagnostic.start).line + 1}: `
    + ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}

/**
 * The public API is what \`src/index.ts\` exports, as TypeScript users see it in the package's
 * typings: internals (\`_\`-prefixed members, the types they take) and \`any\` must not show there.
 * The generated L1 namespaces are the provider generator's, not this library's.
 */
function publicSurfaceProblems(): string[] {
  const checker = program.getTypeChecker();
  const generated = path.join(ROOT, 'src', 'generated');
  const problems: string[] = [];
  const typeText = (node: ts.Node) => checker.typeToString(checker.getTypeAtLocation(node), undefined, ts.TypeFormatFlags.NoTruncation);
  const hasAny = (text: string) => /\bany\b/.test(text);
  const isHidden = (member: ts.ClassElement | ts.TypeElement) => {
    const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) ?? [] : [];
    const isPrivate = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword);
    return isPrivate || (member.name !== undefined && ts.isPrivateIdentifier(member.name));
  };
  const checkMembers = (owner: string, members: ts.NodeArray<ts.ClassElement | ts.TypeElement>) => {
    for (const member of members) {
      if (isHidden(member) || ts.isClassStaticBlockDeclaration(member)) continue;
      if (ts.isConstructorDeclaration(member)) {
        for (const parameter of member.parameters) {
          if (hasAny(typeText(parameter))) problems.push(`${owner}.constructor(${parameter.name.getText()}): ${typeText(parameter)}`);
        }
        continue;
      }
      const name = member.name!.getText();
      if (name.startsWith('_')) problems.push(`${owner}.${name}: an internal member in the public API`);
      else if (hasAny(typeText(member))) problems.push(`${owner}.${name}: ${typeText(member)}`);
    }
  };
  const module = checker.getSymbolAtLocation(program.getSourceFile(ENTRY)!)!;
  for (const exported of checker.getExportsOfModule(module)) {
    // eslint-disable-next-line no-bitwise
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const declaration of symbol.declarations ?? []) {
      if (declaration.getSourceFile().fileName.startsWith(generated) || ts.isSourceFile(declaration)) continue;
      const name = exported.getName();
      if (ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration)) {
        checkMembers(name, declaration.members);
      } else if (ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) {
        if (hasAny(typeText(declaration))) problems.push(`${name}: ${typeText(declaration)}`);
      }
    }
  }
  return problems;
}

describe('the public API', () => {
  test('shows no internals and no any', () => {
    expect(publicSurfaceProblems()).toEqual([]);
  });

  test('guides the user: snippet types, healthcheck methods and clouds are unions the compiler checks', () => {
    expect(diagnosticsOf('src/guided.ts')).toEqual([
      '6: Type \'"receive"\' is not assignable to type \'"init" | "recv" | "hash" | "hit" | "miss" | "pass" | "fetch" | "error" | "deliver" | "log" '
        + '| "none"\'.',
      '8: Type \'"get"\' is not assignable to type \'"GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "OPTIONS" | "PATCH" | undefined\'. '
        + 'Did you mean \'"GET"\'?',
      '10: Argument of type \'"amazon"\' is not assignable to parameter of type \'Cloud\'.',
    ]);
  });

  test('API.md documents the functions, constants and type aliases, which jsii-docgen leaves out', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { functionsSection } = require(path.join(REPOSITORY, 'scripts', 'docgen-functions'));
    const section: string = functionsSection(program, ENTRY);
    const documented = [...section.matchAll(/^### `(\w+)`/gm)].map((match) => match[1]);
    expect(documented).toEqual(expect.arrayContaining(['evaluateCondition', 'fastlyMatchers', 'fastlySnapshotSerializer', 'routeRequest',
      'summarizeService', 'summarizeServices', 'validateServiceConfig', 'Cloud', 'HealthcheckMethod', 'VclSnippetType']));
    // Regenerated: `npx projen docgen` after `npx projen compile`.
    expect(fs.readFileSync(path.join(REPOSITORY, 'API.md'), 'utf8')).toContain(section);
  });

  test('the README\'s jest setup compiles in a strict project with noUnusedLocals, and toRouteRequest is typed without a declare global', () => {
    expect([...diagnosticsOf('test/setup.ts'), ...diagnosticsOf('test/routing.test.ts'), ...diagnosticsOf('src/edge.ts')]).toEqual([]);
  });
});
