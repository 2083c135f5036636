import { Construct } from 'constructs';
import { internalsOf, ServiceBase, ServiceBaseProps, serviceAttributes, ServiceKind } from './service';
import type * as serviceCompute from '../generated/service-compute';

/** The generated bindings, loaded when the first service is built rather than when the library is imported. */
function bindings(): typeof serviceCompute {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../generated/service-compute');
}

/** The Wasm package a Compute service runs; give exactly one of `filename` and `content`. */
export interface ComputePackage {
  /**
   * Path of the package (`.tar.gz`) built by the Fastly CLI.
   * @default - `content` is used
   */
  readonly filename?: string;
  /**
   * The package contents, base64-encoded.
   * @default - `filename` is used
   */
  readonly content?: string;
  /**
   * SHA-512 of the package's files, so Terraform notices a new build (from the `fastly_package_hash` data source).
   * @default - computed by the provider
   */
  readonly sourceCodeHash?: string;
}

/** Props of a `ComputeService`. */
export interface ComputeServiceProps extends ServiceBaseProps {
  /**
   * The Wasm package to deploy. Without one, versions cannot be activated, so `activate` defaults to false.
   * @default - no package
   */
  readonly package?: ComputePackage;
}

/**
 * A Fastly Compute service: one `fastly_service_compute` resource. Only backends and
 * healthchecks exist here: conditions, directors, automatic load balancing and request
 * conditions are VCL features, and constructs that need them are rejected.
 */
export class ComputeService extends ServiceBase {
  /** The generated L1 resource: the escape hatch for anything these constructs do not model. */
  public readonly resource: serviceCompute.ServiceCompute;

  constructor(scope: Construct, id: string, props: ComputeServiceProps) {
    super(scope, id, ServiceKind.COMPUTE, props);
    const pkg = props.package;
    const attributes = {
      ...serviceAttributes(this, props, pkg !== undefined),
      package: pkg && { filename: pkg.filename, content: pkg.content, sourceCodeHash: pkg.sourceCodeHash },
    };
    const internals = internalsOf(this);
    internals.setAttributes(attributes);
    const l1 = bindings();
    this.resource = new l1.ServiceCompute(this, 'Resource', {
      ...attributes,
      backend: internals.lazyBlocks('backend', l1.serviceComputeBackendToTerraform),
      healthcheck: internals.lazyBlocks('healthcheck', l1.serviceComputeHealthcheckToTerraform),
    });
    internals.useResource(this.resource);
  }

  /** The Terraform id of the service (known after apply). */
  public get serviceId(): string {
    return this.resource.id;
  }
}
