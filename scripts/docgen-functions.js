#!/usr/bin/env node
/*
 * Appends the package's functions, constants and type aliases to API.md.
 *
 * jsii-docgen writes API.md from the jsii assembly, and jsii's type system has only classes,
 * interfaces and enums: free functions (validateServiceConfig, routeRequest, …), constants
 * (fastlyMatchers, …) and type aliases are not in it, so jsii-docgen leaves them out. This script
 * reads them from the TypeScript declarations that src/index.ts exports and renders them in the
 * same shape, replacing the section it wrote before. `npx projen docgen` runs it after jsii-docgen.
 *
 *   node scripts/docgen-functions.js [package folder]   (default: the repository; the staged cdktn package passes its own)
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(require.main === module && process.argv[2] ? process.argv[2] : path.join(__dirname, '..'));
const ENTRY = path.join(ROOT, 'src', 'index.ts');
const API_MD = path.join(ROOT, 'API.md');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name;
const HEADING = '## Functions, constants and types';

/** The markdown section for every function, constant and type alias `entry` exports (from outside src/generated). */
function functionsSection(program, entry = ENTRY) {
  const checker = program.getTypeChecker();
  const generated = path.join(path.dirname(entry), 'generated');
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry));
  const entries = [];
  for (const exported of checker.getExportsOfModule(module)) {
    // eslint-disable-next-line no-bitwise
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration || declaration.getSourceFile().fileName.startsWith(generated)) continue;
    const name = exported.getName();
    if (ts.isFunctionDeclaration(declaration)) entries.push(functionEntry(checker, name, symbol, declaration));
    else if (ts.isVariableDeclaration(declaration)) entries.push(constantEntry(checker, name, symbol, declaration));
    else if (ts.isTypeAliasDeclaration(declaration)) entries.push(typeEntry(checker, name, symbol, declaration));
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [
    `${HEADING} <a name="Functions, constants and types" id="functions-constants-and-types"></a>`,
    '',
    'jsii, which the sections above are generated from, has only classes, interfaces and enums. These functions, constants and',
    'type aliases are part of the package for TypeScript and JavaScript (other languages see a type alias as the type it stands for).',
    '',
    ...entries.flatMap((entry) => entry.lines),
  ].join('\n');
}

function documentation(checker, symbol) {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
}

function anchor(name) {
  return `<a name="${name}" id="${PACKAGE}.${name}"></a>`;
}

function code(name, declaration) {
  return ['```typescript', `import { ${name} } from '${PACKAGE}'`, '', declaration, '```', ''];
}

function functionEntry(checker, name, symbol, declaration) {
  const signature = checker.getSignatureFromDeclaration(declaration);
  const parameters = signature.getParameters();
  const typeOf = (parameter) => checker.typeToString(checker.getTypeOfSymbolAtLocation(parameter, declaration), declaration, ts.TypeFormatFlags.NoTruncation);
  const optional = (parameter) => parameter.valueDeclaration && checker.isOptionalParameter(parameter.valueDeclaration) ? '?' : '';
  const list = parameters.map((parameter) => `${parameter.getName()}${optional(parameter)}: ${typeOf(parameter)}`).join(', ');
  const returns = checker.typeToString(signature.getReturnType(), declaration, ts.TypeFormatFlags.NoTruncation);
  return {
    name,
    lines: [
      `### \`${name}\` ${anchor(name)}`,
      '',
      ...code(name, `${name}(${list}): ${returns}`),
      documentation(checker, symbol),
      '',
      ...(parameters.length === 0 ? [] : [
        '| **Parameter** | **Type** | **Description** |',
        '| --- | --- | --- |',
        ...parameters.map((parameter) => `| <code>${parameter.getName()}${optional(parameter)}</code> | <code>${escapeCell(typeOf(parameter))}</code> | `
          + `${escapeCell(documentation(checker, parameter)) || '*No description.*'} |`),
        '',
      ]),
      '---',
      '',
    ],
  };
}

function constantEntry(checker, name, symbol, declaration) {
  // Printed as a type node, so that an object type keeps one member a line.
  const node = checker.typeToTypeNode(checker.getTypeOfSymbolAtLocation(symbol, declaration), declaration, ts.NodeBuilderFlags.NoTruncation);
  const type = ts.createPrinter().printNode(ts.EmitHint.Unspecified, node, declaration.getSourceFile());
  return { name, lines: [`### \`${name}\` ${anchor(name)}`, '', ...code(name, `const ${name}: ${type}`), documentation(checker, symbol), '', '---', ''] };
}

function typeEntry(checker, name, symbol, declaration) {
  const type = checker.typeToString(checker.getTypeAtLocation(declaration), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias);
  return { name, lines: [`### \`${name}\` ${anchor(name)}`, '', ...code(name, `type ${name} = ${type}`), documentation(checker, symbol), '', '---', ''] };
}

function escapeCell(text) {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

/** A program over the package's sources, as jsii compiles them. */
function createProgram() {
  return ts.createProgram([ENTRY], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, types: ['jest', 'node'], noEmit: true });
}

/** API.md with this section in place of the one written before, if any. */
function withFunctionsSection(apiMd, section) {
  const start = apiMd.indexOf(HEADING);
  const before = (start < 0 ? apiMd : apiMd.slice(0, start)).replace(/\s*$/, '\n\n');
  return `${before}${section}`;
}

if (require.main === module) {
  fs.writeFileSync(API_MD, withFunctionsSection(fs.readFileSync(API_MD, 'utf8'), functionsSection(createProgram())));
}

module.exports = { functionsSection, withFunctionsSection };
