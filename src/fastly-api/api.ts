import { Store } from './store';

/** Options of the local Fastly API. */
export interface FastlyApiOptions {
  /**
   * The TCP port on 127.0.0.1 to listen on.
   * @default 0 (a free port, reported in `url`)
   */
  readonly port?: number;
  /**
   * A directory that keeps the API's state across restarts.
   * @default - the state lives in memory and is lost when the server stops
   */
  readonly dataDir?: string;
}

/** A running local Fastly API. */
export interface IFastlyApi {
  /** The base URL to give the provider (`FASTLY_API_URL`) or a client, e.g. `http://127.0.0.1:4321`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Stops the server; with a data directory, the state stays there. */
  close(): Promise<void>;
}

/**
 * Starts a local HTTP server, bound to 127.0.0.1 only, that answers the part of Fastly's API the
 * Terraform provider uses to manage `fastly_service_vcl` and `fastly_service_compute`: a test
 * double for `terraform apply` / `tofu apply` with `FASTLY_API_URL` pointing at `url`.
 */
export async function startFastlyApi(options: FastlyApiOptions = {}): Promise<IFastlyApi> {
  // fastify and its plugins take about 100 ms to load: only a program that starts the API pays for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildFastlyApi } = require('./server') as typeof import('./server');
  const app = buildFastlyApi(Store.open(options.dataDir));
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : Number(options.port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      await app.close();
    },
  };
}
