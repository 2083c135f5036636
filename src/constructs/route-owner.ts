import { IConstruct } from 'constructs';

/** What a backend is part of, when routing messages should name that instead of the backend (a pool). */
export interface RouteOwner {
  readonly kind: string;
  readonly name: string;
  readonly path: string;
}

const OWNERS = new WeakMap<IConstruct, RouteOwner>();

/** Routing messages about `backend` name `owner` instead. */
export function setRouteOwner(backend: IConstruct, owner: RouteOwner): void {
  OWNERS.set(backend, owner);
}

/** How routing messages name what a construct routes to, when something owns it. */
export function routeLabelOf(construct: IConstruct): string | undefined {
  const owner = OWNERS.get(construct);
  return owner && `${owner.kind} ${JSON.stringify(owner.name)} (${owner.path})`;
}
