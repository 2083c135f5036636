/** A TLS protocol version for connections from Fastly to a backend. */
export enum TlsVersion {
  /** TLS 1.0 */
  TLS_1_0 = '1.0',
  /** TLS 1.1 */
  TLS_1_1 = '1.1',
  /** TLS 1.2 */
  TLS_1_2 = '1.2',
  /** TLS 1.3 */
  TLS_1_3 = '1.3',
}

const ORDER: string[] = [TlsVersion.TLS_1_0, TlsVersion.TLS_1_1, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3];

/** Position of a version in protocol order, or -1 for a value that is not a `TlsVersion`. */
export function tlsVersionRank(version: string): number {
  return ORDER.indexOf(version);
}
