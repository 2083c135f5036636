/**
 * An error answered the way Fastly's API answers it: an HTTP status and a JSON body
 * `{"msg": …, "detail": …}`. The texts follow answers recorded from the real API
 * (go-fastly's test fixtures) wherever one was recorded.
 */
export class FastlyApiError extends Error {
  constructor(readonly statusCode: number, readonly msg: string, readonly detail?: string) {
    super(detail === undefined ? msg : `${msg}: ${detail}`);
  }

  /** The response body. */
  body(): { msg: string; detail?: string } {
    return this.detail === undefined ? { msg: this.msg } : { msg: this.msg, detail: this.detail };
  }
}

export function badRequest(detail: string): FastlyApiError {
  return new FastlyApiError(400, 'Bad request', detail);
}

export function unauthorized(): FastlyApiError {
  return new FastlyApiError(401, 'Provided credentials are missing or invalid');
}

/** A service, a version or an unknown path: `Cannot find <what> '<key>'`. */
export function cannotFind(what: string, key: string): FastlyApiError {
  return new FastlyApiError(404, 'Record not found', `Cannot find ${what} '${key}'`);
}

/** An object of a service version that does not exist, worded as the real API words it. */
export function recordNotFound(label: string, keys: { [key: string]: string | number }): FastlyApiError {
  const fields = { deleted: '0000-00-00 00:00:00', ...keys };
  const described = Object.keys(fields).sort().map((key) => `${key} => ${fields[key as keyof typeof fields]}`).join(', ');
  return new FastlyApiError(404, 'Record not found', `Couldn't find ${label} '{ ${described} }'`);
}

export function duplicateRecord(label: string, name: string): FastlyApiError {
  return new FastlyApiError(409, 'Duplicate record', `Duplicate ${label}: '${name}'`);
}

export function versionLocked(serviceId: string, version: number): FastlyApiError {
  return new FastlyApiError(400, 'Version locked',
    `Version ${version} of service '${serviceId}' is locked (active or locked versions cannot be edited); clone it to make changes`);
}

export function notFound(): FastlyApiError {
  return new FastlyApiError(404, 'Not found');
}
