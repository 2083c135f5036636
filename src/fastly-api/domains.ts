import { ObjectKind } from './objects';

export const DOMAINS: ObjectKind = {
  path: 'domain',
  label: 'Domain',
  duplicateLabel: 'domain',
  fields: () => ({
    comment: { type: 'string', default: '', empty: '' },
    name: { type: 'string' },
  }),
};
