import { badRequest } from './errors';
import { ObjectKind } from './objects';

const CONDITION_TYPES = ['REQUEST', 'CACHE', 'RESPONSE', 'PREFETCH'];

/** Conditions: `priority` and `version` are answered as strings, and a condition's type cannot change. */
export const CONDITIONS: ObjectKind = {
  path: 'condition',
  label: 'Condition',
  duplicateLabel: 'condition',
  versionAsString: true,
  required: ['statement', 'type'],
  fields: () => ({
    comment: { type: 'string', default: '', empty: '' },
    name: { type: 'string' },
    priority: { type: 'numeric-string', default: '100' },
    statement: { type: 'string' },
    type: { type: 'string' },
  }),
  apply(object, changes, _input, _service, created) {
    if (!created && 'type' in changes) {
      throw badRequest(`the type of condition '${object.name}' cannot be changed; delete it and create it again`);
    }
    if (!CONDITION_TYPES.includes(object.type as string)) {
      throw badRequest(`type must be one of ${CONDITION_TYPES.join(', ')}, got '${object.type}'`);
    }
  },
};
