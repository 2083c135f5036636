import multipart from '@fastify/multipart';
import fastify, { FastifyError, FastifyInstance } from 'fastify';
import { BACKENDS } from './backends';
import { CONDITIONS } from './conditions';
import { DIRECTORS, registerDirectorBackendRoutes } from './directors';
import { DOMAINS } from './domains';
import { FastlyApiError, notFound, unauthorized } from './errors';
import { RequestInput } from './fields';
import { HEALTHCHECKS } from './healthchecks';
import { registerObjectRoutes } from './objects';
import { registerPackageRoutes } from './package';
import { registerServiceRoutes } from './services';
import { registerSettingsRoutes } from './settings';
import { SNIPPETS } from './snippets';
import { Store } from './store';
import { registerVersionRoutes } from './versions';

/** Form fields such as `headers[]` carry a list; a repeated field becomes an array. */
function parseForm(body: string): RequestInput {
  const input: { [name: string]: string | string[] } = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    const previous = input[name];
    input[name] = previous === undefined ? (key.endsWith('[]') ? [value] : value) : [previous, value].flat();
  }
  return input;
}

/** The Fastly API routes on a fastify instance (not listening yet). */
export function buildFastlyApi(store: Store): FastifyInstance {
  const app = fastify({ logger: false });

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseForm(body as string));
  });
  // Clients send PUT and DELETE requests without a body but with a JSON content type.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = (body as string).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new FastlyApiError(400, 'Bad request', 'the body is not valid JSON'), undefined);
    }
  });
  void app.register(multipart);

  // Any non-empty key is accepted: the local API stands in for an account, not for its permissions.
  app.addHook('onRequest', async (request) => {
    const key = request.headers['fastly-key'];
    if (typeof key !== 'string' || key.trim() === '') throw unauthorized();
  });
  // Saving before the answer is sent means an answered change is never lost by a restart.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && reply.statusCode < 400) store.save();
    return payload;
  });

  app.setErrorHandler((error: FastifyError | FastlyApiError, _request, reply) => {
    if (error instanceof FastlyApiError) return reply.code(error.statusCode).send(error.body());
    const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500;
    return reply.code(status).send({ msg: status === 500 ? 'Internal server error' : 'Bad request', detail: error.message });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(notFound().body()));

  registerServiceRoutes(app, store);
  registerVersionRoutes(app, store);
  registerSettingsRoutes(app, store);
  for (const kind of [DOMAINS, HEALTHCHECKS, CONDITIONS, BACKENDS, DIRECTORS, SNIPPETS]) registerObjectRoutes(app, store, kind);
  registerDirectorBackendRoutes(app, store);
  registerPackageRoutes(app, store);
  return app;
}
