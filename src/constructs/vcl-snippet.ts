import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { PropChecker } from './prop-checker';
import { internalsOf, serviceOf, ServiceBase, ServiceKind } from './service';
import { SNIPPET_TYPES } from '../rules/director-rules';
import { RECV_BACKEND_PROBLEM, setsBackendBeforeSelection } from '../rules/snippet-rules';
import { propProblem } from '../rules/wording';

/** The subroutine a VCL snippet goes into: `recv`, `miss`, `pass`, `deliver`, …; `init` and `none` are outside any subroutine. */
export type VclSnippetType = (typeof SNIPPET_TYPES)[number];

/** Props of a `VclSnippet`. */
export interface VclSnippetProps {
  /** The VCL to insert. */
  readonly content: string;
  /**
   * The subroutine it goes into: init, recv, hash, hit, miss, pass, fetch, error, deliver, log or none.
   * Note that `recv` snippets run before Fastly's own backend selection, which overwrites a
   * `set req.backend` made there (a warning at synth, `snippet/recv-backend`): set it in `miss`
   * or `pass`, or return right after it.
   */
  readonly type: VclSnippetType;
  /**
   * Order among snippets of the same type; lower runs first.
   * @default 100
   */
  readonly priority?: number;
  /**
   * The snippet name, unique among the service's snippets.
   * @default - the construct id
   */
  readonly name?: string;
}

/**
 * A VCL snippet of a VCL service. Use it instead of `resource.putSnippet`: the service owns its
 * `snippet` block (origin pools put their switches there), so snippets have to be added as
 * constructs to be kept.
 */
export class VclSnippet extends Construct {
  /** The snippet name. */
  public readonly name: string;
  /** The service this snippet belongs to. */
  public readonly service: ServiceBase;

  constructor(scope: Construct, id: string, props: VclSnippetProps) {
    super(scope, id);
    this.service = serviceOf(this, 'a VclSnippet');
    this.name = props.name ?? id;
    if (this.service.kind === ServiceKind.COMPUTE) {
      new PropChecker(this).fail('scope', this.service.node.path, 'allowed: a VclService; Compute services run no VCL', 'snippet/compute');
    }
    if (props.type === 'recv' && !Token.isUnresolved(props.content) && setsBackendBeforeSelection(props.content ?? '')) {
      Annotations.of(this).addWarning(propProblem('type', props.type, RECV_BACKEND_PROBLEM, 'snippet/recv-backend'));
    }
    const rendered = { name: this.name, type: props.type, priority: props.priority ?? 100, content: props.content };
    internalsOf(this.service).addBlock({ type: 'snippet', construct: this, name: this.name, render: () => rendered });
  }
}
