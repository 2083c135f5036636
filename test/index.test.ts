import * as path from 'path';
import * as ts from 'typescript';

/**
 * The public API is what `src/index.ts` exports, as TypeScript users see it in the package's
 * typings: internals (`_`-prefixed members, the types they take) and `any` must not show there.
 * The generated L1 namespaces are the provider generator's, not this library's.
 */
function publicSurfaceProblems(): string[] {
  const entry = path.join(__dirname, '..', 'src', 'index.ts');
  const program = ts.createProgram([entry], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, types: ['jest', 'node'] });
  const checker = program.getTypeChecker();
  const generated = path.join(__dirname, '..', 'src', 'generated');
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
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
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
});
