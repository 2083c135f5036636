import { blocksOf, convertToType, dynamicBlocks, dynamicContent, isTemplate } from '../../src/fastly/terraform-json';

describe('isTemplate', () => {
  test.each([
    ['${var.origin}', true],
    ['https://${var.host}/', true],
    ['%{ if var.on }x%{ endif }', true],
    ['$${not a template}', false],
    ['%%{not a directive}', false],
    ['plain text with $ and { }', false],
  ])('%s → %s', (text, expected) => {
    expect(isTemplate(text)).toBe(expected);
  });
});

describe('blocksOf', () => {
  test('a list, one object, or nothing', () => {
    expect(blocksOf({ backend: [{ name: 'a' }, { name: 'b' }] }, 'backend')).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(blocksOf({ backend: { name: 'a' } }, 'backend')).toEqual([{ name: 'a' }]);
    expect(blocksOf({ backend: null }, 'backend')).toEqual([]);
    expect(blocksOf({}, 'backend')).toEqual([]);
  });
});

describe('dynamicBlocks', () => {
  test('reads Terraform\'s JSON form and the list form @cdktf/hcl2json writes', () => {
    const body = {
      dynamic: {
        backend: { for_each: '${var.origins}', content: { name: '${backend.key}' } },
        domain: [{ for_each: '${var.domains}', iterator: 'each', content: [{ name: '${each.value}' }] }, { for_each: '${var.more}' }],
      },
    };
    const blocks = dynamicBlocks(body);
    expect(blocks.map((block) => [block.type, block.path])).toEqual([['backend', 'dynamic.backend[0]'], ['domain', 'dynamic.domain[0]'], ['domain', 'dynamic.domain[1]']]);
    expect(blocks.map(dynamicContent)).toEqual([{ name: '${backend.key}' }, { name: '${each.value}' }, undefined]);
  });
});

describe('convertToType', () => {
  test.each([
    ['number', '110', 110],
    ['number', '-1.5e2', -150],
    ['number', 7, 7],
    ['bool', 'true', true],
    ['bool', '0', false],
    ['string', 5, '5'],
    ['string', false, 'false'],
    [['list', 'number'], ['1', 2], [1, 2]],
    [['map', 'bool'], { a: 'false' }, { a: false }],
    [['object', { port: 'number' }], { port: '80', extra: 'kept' }, { port: 80, extra: 'kept' }],
    ['number', '${var.port}', '${var.port}'],
  ])('%j: %j converts to %j', (type, value, expected) => {
    expect(convertToType(type, value)).toEqual({ value: expected });
  });

  test.each([
    ['number', '1h'],
    ['number', ''],
    ['bool', 'yes'],
    ['bool', 'True'],
    ['bool', 1],
    ['string', { a: 1 }],
    [['list', 'number'], 'x'],
    [['list', 'number'], ['x']],
  ])('%j rejects %j', (type, value) => {
    expect(convertToType(type, value)).toBeUndefined();
  });
});
