/**
 * Puts services of a synthesised stack into a local Fastly API the way the Terraform provider
 * creates them: a service with its empty version 1, then settings, conditions, domains,
 * healthchecks, backends, directors and their backends, snippets (the provider's order), and
 * activation unless the service says `activate: false`. Requests are forms, as go-fastly sends
 * them: booleans as 1/0, healthcheck headers as a JSON array.
 */

type Body = { [key: string]: any };

/** The blocks the local API serves; a stack with others cannot be deployed to it. */
const SERVED = new Set(['domain', 'condition', 'healthcheck', 'backend', 'director', 'snippet', 'dynamicsnippet']);
const TERRAFORM_ONLY = new Set(['activate', 'force_destroy', 'stage', 'reuse', 'version_comment', 'lifecycle', 'depends_on', 'provider', '//']);
const SETTINGS = ['default_ttl', 'default_host', 'stale_if_error', 'stale_if_error_ttl'];

function formOf(fields: Body): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined || typeof value === 'object' && !Array.isArray(value)) continue;
    form.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : Array.isArray(value) ? JSON.stringify(value) : String(value));
  }
  return form.toString();
}

/** The local API at `url`, called with forms. */
export function localApiCaller(url: string, key = 'local-test-key') {
  return async (method: string, path: string, fields: Body = {}): Promise<any> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'Fastly-Key': key, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: method === 'GET' ? undefined : formOf(fields),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
}

/** Creates one service from its Terraform JSON body; returns its id. */
export async function deployService(url: string, resourceType: string, body: Body): Promise<string> {
  const call = localApiCaller(url);
  const blocks = Object.keys(body).filter((key) => Array.isArray(body[key]) && !TERRAFORM_ONLY.has(key));
  const unserved = blocks.filter((block) => !SERVED.has(block));
  if (unserved.length > 0) throw new Error(`the local API does not serve ${unserved.join(', ')}`);
  const { id } = await call('POST', '/service', { name: body.name, comment: body.comment, type: resourceType === 'fastly_service_compute' ? 'wasm' : 'vcl' });
  const version = `/service/${id}/version/1`;
  const list = (block: string): Body[] => body[block] ?? [];
  if (resourceType === 'fastly_service_vcl') {
    await call('PUT', `${version}/settings`, Object.fromEntries(SETTINGS.filter((key) => key in body).map((key) => [`general.${key}`, body[key]])));
  }
  if (body.version_comment !== undefined) await call('PUT', version, { comment: body.version_comment });
  for (const condition of list('condition')) await call('POST', `${version}/condition`, condition);
  for (const domain of list('domain')) await call('POST', `${version}/domain`, domain);
  for (const healthcheck of list('healthcheck')) await call('POST', `${version}/healthcheck`, healthcheck);
  for (const backend of list('backend')) await call('POST', `${version}/backend`, backend);
  for (const { backends, ...director } of list('director')) {
    await call('POST', `${version}/director`, director);
    for (const backend of backends) await call('POST', `${version}/director/${encodeURIComponent(director.name)}/backend/${encodeURIComponent(backend)}`);
  }
  for (const snippet of list('snippet')) await call('POST', `${version}/snippet`, { ...snippet, dynamic: 0 });
  for (const snippet of list('dynamicsnippet')) await call('POST', `${version}/snippet`, { ...snippet, dynamic: 1 });
  if (body.activate !== false) await call('PUT', `${version}/activate`);
  return id;
}
