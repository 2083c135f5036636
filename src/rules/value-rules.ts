import * as fs from 'fs';
import * as path from 'path';
import { integerIn, isKnown, RawFinding, ServiceRule, ServiceView, Severity } from './rule';

/** One documented rule of `data/block-values.json`. */
interface ValueRule {
  readonly rule: string;
  readonly blocks: string[];
  readonly except?: string[];
  readonly attribute: string;
  readonly oneOf?: Array<string | number>;
  readonly range?: [number, number];
  readonly ignoreCase?: boolean;
  readonly emptyIsUnset?: boolean;
  readonly severity?: Severity;
  readonly consequence?: string;
}

interface ValuesFile {
  readonly loggingBlocks: string[];
  readonly rules: ValueRule[];
}

const VALUES_FILE = path.join(__dirname, '..', '..', 'data', 'block-values.json');
const ANY_LOGGING_BLOCK = 'logging_*';

let values: ValuesFile | undefined;

/** Read on first use so that importing the package does not cost a file read. */
function valuesFile(): ValuesFile {
  values ??= JSON.parse(fs.readFileSync(VALUES_FILE, 'utf8')) as ValuesFile;
  return values;
}

/** The logging endpoint block types of both services (`logging_s3` and the rest). */
export function loggingBlocks(): string[] {
  return valuesFile().loggingBlocks;
}

function blocksOf(rule: ValueRule): string[] {
  return rule.blocks.flatMap((block) => block === ANY_LOGGING_BLOCK ? loggingBlocks() : [block]).filter((block) => !rule.except?.includes(block));
}

/** The values at a dotted path, through nested blocks given as one object or a list. */
function valuesAt(element: { [key: string]: any }, attributePath: string[]): unknown[] {
  const [first, ...rest] = attributePath;
  const value = element[first];
  if (rest.length === 0) return [value];
  const nested = Array.isArray(value) ? value : [value];
  return nested.filter((inner) => typeof inner === 'object' && inner !== null).flatMap((inner) => valuesAt(inner, rest));
}

/** Whether a value is one of the allowed ones, after Terraform's conversion between strings, numbers and bools. */
function isOneOf(value: unknown, allowed: Array<string | number>, ignoreCase: boolean): boolean {
  const text = String(value);
  return allowed.some((candidate) => ignoreCase ? String(candidate).toLowerCase() === text.toLowerCase() : String(candidate) === text);
}

function problem(rule: ValueRule, value: unknown): string | undefined {
  if (rule.range !== undefined) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return integerIn(rule.range[0], rule.range[1])(number);
  }
  if (isOneOf(value, rule.oneOf ?? [], rule.ignoreCase ?? false)) return undefined;
  const consequence = rule.consequence === undefined ? '' : `; ${rule.consequence}`;
  return `allowed: one of ${rule.oneOf!.join(', ')}${rule.ignoreCase ? ' (in any case)' : ''}${consequence}`;
}

function check(rule: ValueRule, service: ServiceView): RawFinding[] {
  const attributePath = rule.attribute.split('.');
  return blocksOf(rule).flatMap((block) => service.blocks(block).flatMap((element, index) => valuesAt(element, attributePath)
    .filter((value) => isKnown(value) && !(rule.emptyIsUnset && value === ''))
    .flatMap((value) => {
      const message = problem(rule, value);
      return message === undefined ? [] : [{ rule: rule.rule, severity: rule.severity ?? 'error', block, index, attribute: rule.attribute, value, message }];
    })));
}

/**
 * Rules for the values the provider or Fastly's documentation allow for block attributes: header
 * actions and types, the settings of logging endpoints, rate limiters, image optimizer and product
 * enablement, request and cache settings (`data/block-values.json`, which cites the source of each).
 */
export function valueRules(): ServiceRule[] {
  const byId = new Map<string, ValueRule[]>();
  for (const rule of valuesFile().rules) byId.set(rule.rule, [...byId.get(rule.rule) ?? [], rule]);
  return [...byId].map(([id, rules]) => ({ id, check: (service: ServiceView) => rules.flatMap((rule) => check(rule, service)) }));
}
