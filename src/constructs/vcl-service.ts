import { Construct } from 'constructs';
import { Duration } from './duration';
import { PropChecker } from './prop-checker';
import { internalsOf, ServiceBase, ServiceBaseProps, serviceAttributes, ServiceKind } from './service';
import type * as serviceVcl from '../generated/service-vcl';

/** The generated bindings, loaded when the first service is built rather than when the library is imported. */
function bindings(): typeof serviceVcl {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../generated/service-vcl');
}

/** Props of a `VclService`. */
export interface VclServiceProps extends ServiceBaseProps {
  /**
   * How long Fastly caches a response that says nothing about caching; whole seconds.
   * @default Duration.seconds(3600) (the provider's default)
   */
  readonly defaultTtl?: Duration;
}

/**
 * A Fastly VCL service: one `fastly_service_vcl` resource. Backends, healthchecks, conditions,
 * pools and shielded backends created inside it are rendered into its nested blocks, sorted by
 * name, and checked together at synth: names, references, TLS, routing and condition statements.
 */
export class VclService extends ServiceBase {
  /** The generated L1 resource: the escape hatch for anything these constructs do not model. */
  public readonly resource: serviceVcl.ServiceVcl;

  constructor(scope: Construct, id: string, props: VclServiceProps) {
    super(scope, id, ServiceKind.VCL, props);
    const attributes = {
      ...serviceAttributes(this, props, true),
      defaultTtl: new PropChecker(this).seconds('defaultTtl', props.defaultTtl ?? Duration.seconds(3600), 'service/default-ttl'),
    };
    const internals = internalsOf(this);
    internals.setAttributes(attributes);
    const l1 = bindings();
    this.resource = new l1.ServiceVcl(this, 'Resource', {
      ...attributes,
      backend: internals.lazyBlocks('backend', l1.serviceVclBackendToTerraform),
      healthcheck: internals.lazyBlocks('healthcheck', l1.serviceVclHealthcheckToTerraform),
      condition: internals.lazyBlocks('condition', l1.serviceVclConditionToTerraform),
      director: internals.lazyBlocks('director', l1.serviceVclDirectorToTerraform),
      snippet: internals.lazyBlocks('snippet', l1.serviceVclSnippetToTerraform),
    });
    internals.useResource(this.resource);
  }

  /** The Terraform id of the service (known after apply). */
  public get serviceId(): string {
    return this.resource.id;
  }
}
