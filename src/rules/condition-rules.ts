import { attributeRule, integerIn, ServiceRule } from './rule';
import { checkConditionStatement, StatementProblem } from '../vcl/variables';

// Spelled out rather than read from ConditionType: condition.ts depends on this module through service.ts.
const TYPES = ['REQUEST', 'CACHE', 'RESPONSE', 'PREFETCH'];

// Services repeat the same few statements many times; each is parsed and checked once.
const checked = new Map<string, StatementProblem[]>();

function statementProblems(statement: string, type: string): StatementProblem[] {
  const key = `${type}\n${statement}`;
  let problems = checked.get(key);
  if (!problems) {
    problems = checkConditionStatement(statement, type);
    checked.set(key, problems);
  }
  return problems;
}

/** Rules for `condition` blocks: a type Fastly knows, a priority, and a statement that compiles where it runs. */
export const CONDITION_RULES: ServiceRule[] = [
  attributeRule('condition/type', 'condition', 'type', (type) => TYPES.includes(type) ? undefined : `allowed: one of ${TYPES.join(', ')}`),
  attributeRule('condition/priority', 'condition', 'priority', integerIn(0, 2_147_483_647)),
  attributeRule('condition/statement', 'condition', 'statement', (statement, condition) => {
    if (typeof statement !== 'string' || statement.trim() === '') return 'allowed: a VCL boolean expression such as req.url ~ "^/api/"';
    if (/^\s*if\s*\(/.test(statement)) return 'allowed: the expression only, without "if" and braces';
    const type = TYPES.includes(condition.type) ? condition.type : 'REQUEST';
    const problems = statementProblems(statement, type);
    return problems.length === 0 ? undefined
      : `allowed: a VCL expression valid in a ${type} condition; ${problems.map((problem) => problem.message).join('; ')}`;
  }),
];
