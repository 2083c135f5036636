import { isIPv4, isIPv6 } from 'net';

/** What a backend address is; decides the TLS hostname defaults. */
export enum AddressKind {
  HOSTNAME = 'hostname',
  IPV4 = 'ipv4',
  IPV6 = 'ipv6',
}

const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})+$`);

/** The kind of a resolved address, or undefined when it is neither a hostname nor an IP address. */
export function classifyAddress(address: string): AddressKind | undefined {
  if (isIPv4(address)) return AddressKind.IPV4;
  if (isIPv6(address)) return AddressKind.IPV6;
  // A name whose last label is all digits would be read as a malformed IPv4 address.
  if (HOSTNAME.test(address) && !/\.\d+$/.test(address)) return AddressKind.HOSTNAME;
  return undefined;
}

/** Whether `name` is a fully qualified hostname (at least two labels). */
export function isHostname(name: string): boolean {
  return classifyAddress(name) === AddressKind.HOSTNAME;
}

/**
 * Explains what is wrong with an address that `classifyAddress` rejects, in terms of how to fix
 * it: URLs, ports and paths are the usual mistakes (they make Fastly fail DNS or re-add the backend
 * on every plan).
 */
export function explainBadAddress(address: string): string {
  const hint = (() => {
    if (address.trim() !== address || /\s/.test(address)) return 'remove the white space';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address)) return 'remove the scheme: give only the host, and use useSsl/port for the protocol';
    if (address.includes('/')) return 'remove the path: an address is only a host';
    if (/^\[.*\]$/.test(address)) return 'remove the brackets around the IPv6 address';
    if (/^[^:]+:\d+$/.test(address) || /^\[.*\]:\d+$/.test(address)) return 'move the port into the port prop';
    if (address.endsWith('.')) return 'remove the trailing dot';
    if (!address.includes('.') && !address.includes(':')) return 'use a fully qualified name that Fastly POPs can resolve';
    return undefined;
  })();
  const allowed = 'allowed: a hostname (e.g. "origin.example.com"), an IPv4 or an IPv6 address';
  return hint === undefined ? allowed : `${allowed}; ${hint}`;
}

/** A bucket endpoint whose bucket name has dots, which its provider's wildcard certificate does not cover. */
export interface DottedBucket {
  readonly bucket: string;
  /** The endpoint without the bucket, e.g. `s3.us-east-1.amazonaws.com`: the path-style address. */
  readonly endpoint: string;
}

/** Virtual-hosted S3 (`<bucket>.s3[.-]<region…>.amazonaws.com`) and GCS (`<bucket>.storage.googleapis.com`) hostnames. */
const BUCKET_HOSTS = [/^(.+)\.(s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?)$/i, /^(.+)\.(storage\.googleapis\.com)$/i];

/**
 * The bucket and endpoint of an S3 or GCS bucket hostname whose bucket name has dots: the
 * endpoint's certificate is a wildcard for one label (`*.s3.us-east-1.amazonaws.com`), so such a
 * name fails certificate checks. Undefined for any other host.
 */
export function dottedBucket(host: string): DottedBucket | undefined {
  for (const pattern of BUCKET_HOSTS) {
    const match = pattern.exec(host);
    if (match) return match[1].includes('.') ? { bucket: match[1], endpoint: match[2] } : undefined;
  }
  return undefined;
}

/** The `allowed: …` text for a certificate hostname that is a dotted bucket. */
export function dottedBucketProblem({ bucket, endpoint }: DottedBucket): string {
  return `allowed: a bucket name without dots; the certificate *.${endpoint} covers one label, so bucket ${JSON.stringify(bucket)} fails `
    + `certificate checks (Fastly answers 503). Rename the bucket, or use the path-style endpoint: address ${JSON.stringify(endpoint)}, and `
    + `${JSON.stringify(`/${bucket}`)} in front of the URL path`;
}

/** Whether `host` is a Host header value: a hostname or IP address, optionally with ":port". */
export function isHostHeader(host: string): boolean {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match) return classifyAddress(host) !== undefined;
  const hostPart = match[1].replace(/^\[(.*)\]$/, '$1');
  return classifyAddress(hostPart) !== undefined && (match[2] === undefined || Number(match[2]) <= 65535);
}
