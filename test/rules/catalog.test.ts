import * as fs from 'fs';
import * as path from 'path';
import { ruleIds } from '../../src/rules';
import { RULE_CATALOG } from '../../src/rules/catalog';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('RULE_CATALOG', () => {
  test('knows every rule of the rule engine', () => {
    expect(ruleIds().filter((id) => !RULE_CATALOG.has(id))).toEqual([]);
  });

  test('knows every rule id the constructs report', () => {
    const reported = new Set<string>();
    for (const file of sourceFiles(path.join(__dirname, '..', '..', 'src', 'constructs'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/'([a-z-]+\/[a-z-]+)'\)/g)) reported.add(match[1]);
    }
    expect(reported.size).toBeGreaterThan(20);
    expect([...reported].filter((id) => !RULE_CATALOG.has(id))).toEqual([]);
  });

  test('lists only rules that exist', () => {
    const data = path.join(__dirname, '..', '..', 'data');
    const everywhere = [...sourceFiles(path.join(__dirname, '..', '..', 'src')).filter((file) => !file.endsWith('catalog.ts')),
      ...fs.readdirSync(data).map((file) => path.join(data, file))].map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    expect([...RULE_CATALOG.keys()].filter((id) => !everywhere.includes(id))).toEqual([]);
  });
});
