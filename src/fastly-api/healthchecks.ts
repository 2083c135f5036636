import { ObjectKind } from './objects';

/** Healthcheck fields; defaults are those of Fastly's web interface (the Terraform provider's, but a 5 s timeout). */
export const HEALTHCHECKS: ObjectKind = {
  path: 'healthcheck',
  label: 'Healthcheck',
  duplicateLabel: 'healthcheck',
  required: ['host', 'path'],
  fields: () => ({
    check_interval: { type: 'integer', default: 5000 },
    comment: { type: 'string', default: '', empty: '' },
    expected_response: { type: 'integer', default: 200 },
    headers: { type: 'header-list', default: null },
    host: { type: 'string' },
    http_version: { type: 'string', default: '1.1' },
    initial: { type: 'integer', default: 3 },
    method: { type: 'string', default: 'HEAD' },
    name: { type: 'string' },
    path: { type: 'string' },
    threshold: { type: 'integer', default: 3 },
    timeout: { type: 'integer', default: 5000 },
    window: { type: 'integer', default: 5 },
  }),
};
