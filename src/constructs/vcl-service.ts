import { Construct } from 'constructs';
import { Duration } from './duration';
import { PropChecker } from './prop-checker';
import { internalsOf, ServiceBase, ServiceBaseProps, serviceAttributes, ServiceKind } from './service';
import * as serviceVcl from '../generated/service-vcl';

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
    this.resource = new serviceVcl.ServiceVcl(this, 'Resource', {
      ...attributes,
      backend: internals.lazyBlocks('backend', serviceVcl.serviceVclBackendToTerraform),
      healthcheck: internals.lazyBlocks('healthcheck', serviceVcl.serviceVclHealthcheckToTerraform),
      condition: internals.lazyBlocks('condition', serviceVcl.serviceVclConditionToTerraform),
      director: internals.lazyBlocks('director', serviceVcl.serviceVclDirectorToTerraform),
      snippet: internals.lazyBlocks('snippet', serviceVcl.serviceVclSnippetToTerraform),
    });
    internals.useResource(this.resource);
  }

  /** The Terraform id of the service (known after apply). */
  public get serviceId(): string {
    return this.resource.id;
  }
}
