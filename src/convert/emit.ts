import * as estree from 'prettier/plugins/estree';
import * as typescript from 'prettier/plugins/typescript';
import * as prettier from 'prettier/standalone';
import { AppPlan, ConstructPlan, isTyped, PlanValue, ResourceStatement, ServicePlan, SuppressionPlan, ValuePlan } from './plan';

const RESERVED = new Set(['app', 'stack', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return',
  'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'let', 'static', 'yield', 'await',
  'interface', 'package', 'private', 'protected', 'public', 'implements', 'App', 'TerraformStack', 'TerraformVariable', 'TerraformLocal',
  'Token', 'Duration', 'Backend', 'Healthcheck', 'Condition', 'ConditionType', 'OriginPool', 'LoadBalancing', 'ShieldedBackend', 'Director',
  'DirectorType', 'VclSnippet', 'VclService', 'ComputeService', 'FastlyProvider', 'RuleSuppressions', 'TlsVersion', 'undefined']);

/** A TypeScript identifier for a name: camelCase, starting with a letter, unique in the file. */
class Identifiers {
  private readonly used = new Set<string>();

  public take(name: string): string {
    const words = name.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter((word) => word !== '');
    let base = words.map((word, index) => index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))
      .join('') || 'construct';
    if (/^\d/.test(base)) base = `_${base}`;
    let identifier = base;
    for (let n = 2; this.used.has(identifier) || RESERVED.has(identifier); n++) identifier = `${base}${n}`;
    this.used.add(identifier);
    return identifier;
  }
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, '\\\'').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

/** What the written file refers to by name: planned constructs, variables and locals. */
interface Names {
  readonly constructs: Map<ConstructPlan, string>;
  readonly values: Map<string, { identifier: string; kind: ValuePlan['kind'] }>;
  /** Constructs written inline where they are used once, with the service they are created in. */
  readonly inline: Map<ConstructPlan, ServicePlan>;
  readonly imports: Set<string>;
  readonly cdktfImports: Set<string>;
  readonly services: Map<ServicePlan, string>;
}

const VALUE_REFERENCE = /^\$\{(var|local)\.([A-Za-z_][\w-]*)\}$/;

function expressionCode(text: string, type: string, names: Names): string {
  const reference = VALUE_REFERENCE.exec(text);
  const value = reference && names.values.get(`${reference[1]}.${reference[2]}`);
  if (value) {
    if (value.kind === 'variable') return `${value.identifier}.${{ number: 'numberValue', list: 'listValue', boolean: 'booleanValue' }[type] ?? 'stringValue'}`;
    return `${value.identifier}.${{ number: 'asNumber', list: 'asList', boolean: 'asBoolean' }[type] ?? 'asString'}`;
  }
  if (type === 'string') return quote(text);
  names.cdktfImports.add('Token');
  return `Token.${{ number: 'asNumber', list: 'asList' }[type] ?? 'asAny'}(${quote(text)})`;
}

function valueCode(value: PlanValue, names: Names): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((element) => valueCode(element, names)).join(', ')}]`;
  if (isTyped(value)) {
    switch (value.kind) {
      case 'duration':
        names.imports.add('Duration');
        return `Duration.${value.unit}(${typeof value.amount === 'number' ? value.amount : valueCode(value.amount, names)})`;
      case 'enum':
        names.imports.add(value.enumName);
        return `${value.enumName}.${value.member}`;
      case 'expression':
        return expressionCode(value.text, value.type, names);
      case 'loadBalancing':
        names.imports.add('LoadBalancing');
        return `LoadBalancing.${value.mode}(${Object.keys(value.options).length > 0 ? valueCode(value.options, names) : ''})`;
      case 'ref': {
        const service = names.inline.get(value.target);
        const target = service ? constructCode(value.target, names.services.get(service)!, names) : names.constructs.get(value.target)!;
        if (value.backend !== undefined) return `${target}.backends[${value.backend}]`;
        return value.member ? `${target}.${value.member}` : target;
      }
    }
  }
  const entries = Object.entries(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, inner]) => `${propertyKey(key)}: ${valueCode(inner, names)}`).join(', ')} }`;
}

function commentCode(comments: string[]): string {
  return comments.flatMap((comment) => comment.split('\n')).map((line) => `// ${line}\n`.replace(/ \n$/, '\n')).join('');
}

function constructCode(plan: ConstructPlan, scope: string, names: Names): string {
  names.imports.add(plan.className);
  const props = Object.keys(plan.props).length > 0 ? valueCode(plan.props, names) : '{}';
  return `new ${plan.className}(${scope}, ${quote(plan.id)}, ${props})`;
}

/** How code reaches a construct inside a planned one. */
function childCode(target: string, child: string | undefined): string {
  if (child === undefined) return target;
  const origin = /^origins\[(\d+)\](.*)$/.exec(child);
  if (origin) return `${target}.backends[${origin[1]}]`;
  if (child === 'Backend') return `${target}.backend`;
  if (child === 'Healthcheck') return `${target}.healthcheck!`;
  return `${target}.node.findChild(${quote(child)})`;
}

function suppressionCode(target: string, suppressions: SuppressionPlan[], names: Names): string {
  names.imports.add('RuleSuppressions');
  const children = [...new Set(suppressions.map((suppression) => suppression.child))];
  return children.map((child) => {
    const list = suppressions.filter((suppression) => suppression.child === child)
      .map((suppression) => `{ id: ${quote(suppression.id)}, reason: ${quote(suppression.reason)} }`);
    return `RuleSuppressions.addSuppressions(${childCode(target, child)}, [${list.join(', ')}]);\n`;
  }).join('');
}

/** Counts the references to each construct, to decide which are named and which are written where they are used. */
function referenceCounts(service: ServicePlan): Map<ConstructPlan, { count: number; fromResource: boolean }> {
  const counts = new Map<ConstructPlan, { count: number; fromResource: boolean }>();
  const walk = (value: PlanValue, fromResource: boolean) => {
    if (Array.isArray(value)) {value.forEach((element) => walk(element, fromResource));} else if (isTyped(value)) {
      if (value.kind === 'ref') {
        const entry = counts.get(value.target) ?? { count: 0, fromResource: false };
        counts.set(value.target, { count: entry.count + 1, fromResource: entry.fromResource || fromResource || value.member === 'name' });
      } else if (value.kind === 'duration' && typeof value.amount !== 'number') {walk(value.amount, fromResource);} else if (value.kind === 'loadBalancing') {walk(value.options as PlanValue, fromResource);}
    } else if (value !== null && typeof value === 'object') {Object.values(value).forEach((inner) => walk(inner, fromResource));}
  };
  service.constructs.forEach((construct) => walk(construct.props, false));
  service.statements.forEach((statement) => walk(statement.value as PlanValue, true));
  return counts;
}

function serviceCode(service: ServicePlan, names: Names, identifiers: Identifiers): string {
  const variable = identifiers.take(service.id);
  names.services.set(service, variable);
  names.imports.add(service.className);
  const counts = referenceCounts(service);
  for (const construct of service.constructs) {
    const uses = counts.get(construct);
    // A condition or healthcheck used by one construct is written where it is used; reused ones are named constants.
    if (uses?.count === 1 && !uses.fromResource && construct.suppressions.length === 0 && construct.comments.length === 0
      && (construct.className === 'Condition' || construct.className === 'Healthcheck')) {
      names.inline.set(construct, service);
    } else if (uses || construct.suppressions.length > 0) {
      names.constructs.set(construct, identifiers.take(construct.id));
    }
  }
  let code = `\n${commentCode(service.comments)}const ${variable} = new ${service.className}(stack, ${quote(service.id)}, ${valueCode(service.props, names)});\n`;
  const [identity, settings] = [service.statements.filter(isIdentity), service.statements.filter((statement) => !isIdentity(statement))];
  code += identity.map((statement) => statementCode(statement, variable, names)).join('');
  if (service.suppressions.length > 0) code += suppressionCode(variable, service.suppressions, names);
  for (const construct of service.constructs) {
    if (names.inline.has(construct)) continue;
    const name = names.constructs.get(construct);
    code += `${construct.comments.length > 0 ? '\n' : ''}${commentCode(construct.comments)}${name ? `const ${name} = ` : ''}${constructCode(construct, variable, names)};\n`;
    if (name && construct.suppressions.length > 0) code += suppressionCode(name, construct.suppressions, names);
  }
  if (settings.length > 0) code += '\n';
  code += settings.map((statement) => statementCode(statement, variable, names)).join('');
  return code;
}

/** Keeping the address and importing belong with the service they are about. */
function isIdentity(statement: ResourceStatement): boolean {
  return statement.kind === 'call' && (statement.method === 'overrideLogicalId' || statement.method === 'importFrom');
}

function statementCode(statement: ResourceStatement, variable: string, names: Names): string {
  const comments = statement.comments.length > 0 && !isIdentity(statement) ? `\n${commentCode(statement.comments)}` : commentCode(statement.comments);
  if (statement.kind === 'assign') return `${comments}${variable}.resource.${statement.property} = ${valueCode(statement.value, names)};\n`;
  if (statement.kind === 'call') return `${comments}${variable}.resource.${statement.method}(${valueCode(statement.value, names)});\n`;
  return `${comments}${variable}.resource.addOverride(${quote(statement.path)}, ${JSON.stringify(statement.value)});\n`;
}

function valueDeclaration(value: ValuePlan, identifier: string, names: Names): string {
  if (value.kind === 'variable') {
    names.cdktfImports.add('TerraformVariable');
    const config = Object.fromEntries(Object.entries(value.config as object)
      .map(([key, inner]) => [key, key === 'type' && typeof inner === 'string' ? inner.replace(/^\$\{(.*)\}$/s, '$1') : inner]));
    return `const ${identifier} = new TerraformVariable(stack, ${quote(value.name)}, ${JSON.stringify(config)});\n`;
  }
  names.cdktfImports.add('TerraformLocal');
  return `const ${identifier} = new TerraformLocal(stack, ${quote(value.name)}, ${JSON.stringify(value.config)});\n`;
}

/** The app as TypeScript, unformatted. */
export function emitApp(plan: AppPlan, header: string[]): string {
  const identifiers = new Identifiers();
  const names: Names = {
    constructs: new Map(),
    values: new Map(),
    inline: new Map(),
    imports: new Set(['FastlyProvider']),
    cdktfImports: new Set(['App', 'TerraformStack']),
    services: new Map(),
  };
  let values = '';
  for (const value of plan.values) {
    const identifier = identifiers.take(value.name);
    names.values.set(`${value.kind === 'variable' ? 'var' : 'local'}.${value.name}`, { identifier, kind: value.kind });
    values += valueDeclaration(value, identifier, names);
  }
  const services = plan.services.map((service) => serviceCode(service, names, identifiers)).join('');
  const imports = `import { ${[...names.cdktfImports].sort().join(', ')} } from 'cdktf';\n`
    + `import { ${[...names.imports].sort().join(', ')} } from 'cdktf-fastly-origins';\n`;
  return `${commentCode(header)}${imports}\nconst app = new App();\nconst stack = new TerraformStack(app, ${quote(plan.stackId)});\n`
    + `new FastlyProvider(stack, 'fastly', ${valueCode(plan.provider as PlanValue, names)});\n${values ? `\n${values}` : ''}${services}\napp.synth();\n`;
}

/** Formats TypeScript the way the written app is kept: prettier, single quotes, trailing commas. */
export async function formatTypeScript(code: string): Promise<string> {
  // The standalone build: prettier's main entry loads its core with a dynamic import, which test runners' module sandboxes refuse.
  return prettier.format(code, { parser: 'typescript', plugins: [estree, typescript], singleQuote: true, printWidth: 120, trailingComma: 'all' });
}
