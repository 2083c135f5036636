export * from './backend';
export * from './compute-service';
export * from './condition';
export * from './duration';
export * from './healthcheck';
export { DirectorOptions, LoadBalancing, LoadBalancingMode } from './load-balancing';
export * from './origin-pool';
export { Pop, PopInfo } from './pop';
export * from './provider';
export { ServiceBase, ServiceBaseProps, ServiceKind } from './service';
export * from './shielded-backend';
export * from './tls-version';
export * from './vcl-service';
export * from './validate-service-config';

export * as serviceVcl from './generated/service-vcl';
export * as serviceCompute from './generated/service-compute';
export * as dataFastlyDatacenters from './generated/data-fastly-datacenters';
export * as provider from './generated/provider';
