import { attributeRule, integerIn, isKnown, ServiceRule, ServiceView } from './rule';
import { localsAround } from './service-vcl';
import { checkConditionStatement, CONDITION_SUBROUTINES, StatementProblem, VclScope } from '../vcl/variables';

// Spelled out rather than read from ConditionType: condition.ts depends on this module through service.ts.
const TYPES = ['REQUEST', 'CACHE', 'RESPONSE', 'PREFETCH'];

// Services repeat the same few statements many times; each is parsed and checked once per set of locals.
const checked = new Map<string, StatementProblem[]>();

function statementProblems(statement: string, type: string, where: VclScope): StatementProblem[] {
  const key = `${type}\n${where.subroutines.join(' ')}\n${where.locals === undefined ? '*' : [...where.locals].sort().join(' ')}\n${statement}`;
  let problems = checked.get(key);
  if (!problems) {
    problems = checkConditionStatement(statement, type, where);
    checked.set(key, problems);
  }
  return problems;
}

/**
 * Where a condition runs, and the locals it can read there: those declared, by snippets or custom
 * VCL, in every subroutine where it runs. A RESPONSE condition runs in vcl_deliver for headers and
 * in vcl_log for logging endpoints, so one that only logging endpoints use runs in vcl_log alone,
 * where it may read what log snippets declare.
 */
function conditionScope(service: ServiceView, condition: { [key: string]: any }, type: string): VclScope {
  const around = localsAround(service);
  const subroutines = type === 'RESPONSE' && isKnown(condition.name) ? responseSubroutines(service, condition.name) : CONDITION_SUBROUTINES[type];
  const sets = subroutines.map((subroutine) => around(subroutine));
  if (sets.some((locals) => locals === undefined)) return { subroutines };
  return { subroutines, locals: new Set([...sets[0]!].filter((local) => sets.every((locals) => locals!.has(local)))) };
}

function responseSubroutines(service: ServiceView, name: unknown): string[] {
  const usedByHeaders = service.blocks('header').some((header) => header.response_condition === name);
  const usedByLogging = Object.keys(service.body).filter((key) => key.startsWith('logging_'))
    .some((type) => service.blocks(type).some((endpoint) => endpoint.response_condition === name));
  return usedByLogging && !usedByHeaders ? ['LOG'] : usedByHeaders && !usedByLogging ? ['DELIVER'] : CONDITION_SUBROUTINES.RESPONSE;
}

/** Rules for `condition` blocks: a type Fastly knows, a priority, and a statement that compiles where it runs. */
export const CONDITION_RULES: ServiceRule[] = [
  attributeRule('condition/type', 'condition', 'type', (type) => TYPES.includes(type) ? undefined : `allowed: one of ${TYPES.join(', ')}`),
  attributeRule('condition/priority', 'condition', 'priority', integerIn(0, 2_147_483_647)),
  {
    id: 'condition/statement',
    check: (service) => service.blocks('condition').flatMap((condition, index) => {
      const statement = condition.statement;
      if (!isKnown(statement)) return [];
      const finding = (message: string, fromTables = false) =>
        [{ rule: 'condition/statement', severity: 'error' as const, block: 'condition', index, attribute: 'statement', value: statement, message, fromTables }];
      if (typeof statement !== 'string' || statement.trim() === '') return finding('allowed: a VCL boolean expression such as req.url ~ "^/api/"');
      if (/^\s*if\s*\(/.test(statement)) return finding('allowed: the expression only, without "if" and braces');
      const type = TYPES.includes(condition.type) ? condition.type : 'REQUEST';
      const problems = statementProblems(statement, type, conditionScope(service, condition, type));
      return problems.length === 0 ? []
        : finding(`allowed: a VCL expression valid in a ${type} condition; ${problems.map((problem) => problem.message).join('; ')}`,
          problems.every((problem) => !problem.syntax));
    }),
  },
];
