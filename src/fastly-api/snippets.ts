import { badRequest } from './errors';
import { ObjectKind } from './objects';
import { newId } from './store';

const SNIPPET_TYPES = ['init', 'recv', 'hash', 'hit', 'miss', 'pass', 'fetch', 'error', 'deliver', 'log', 'none'];

/**
 * VCL snippets: `priority`, `dynamic` and `version` are answered as strings; a dynamic snippet's
 * content lives outside the version, so the versioned answer shows it as null.
 */
export const SNIPPETS: ObjectKind = {
  path: 'snippet',
  label: 'Snippet',
  duplicateLabel: 'snippet',
  versionAsString: true,
  required: ['type'],
  fields: () => ({
    content: { type: 'string' },
    dynamic: { type: 'numeric-string', default: '0' },
    name: { type: 'string' },
    priority: { type: 'numeric-string', default: '100' },
    type: { type: 'string' },
  }),
  apply(object, _changes, _input, _service, created) {
    if (!SNIPPET_TYPES.includes(object.type as string)) {
      throw badRequest(`type must be one of ${SNIPPET_TYPES.join(', ')}, got '${object.type}'`);
    }
    if (object.dynamic !== '0' && object.dynamic !== '1') throw badRequest(`dynamic must be 0 or 1, got '${object.dynamic}'`);
    if (object.dynamic === '0' && (object.content === null || object.content === '')) throw badRequest("content can't be blank");
    if (created) object.id = newId();
  },
  extraFields: (object) => (object.dynamic === '1' ? { content: null } : {}),
};
