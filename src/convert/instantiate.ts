import * as os from 'os';
import * as path from 'path';
import { App, TerraformLocal, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AppPlan, ConstructPlan, isTyped, PlanValue, ServicePlan } from './plan';
import { Backend } from '../constructs/backend';
import { ComputeService } from '../constructs/compute-service';
import { Condition } from '../constructs/condition';
import { Director } from '../constructs/director';
import { Duration } from '../constructs/duration';
import { Healthcheck } from '../constructs/healthcheck';
import { LoadBalancing } from '../constructs/load-balancing';
import { OriginPool } from '../constructs/origin-pool';
import { FastlyProvider } from '../constructs/provider';
import { RuleSuppressions } from '../constructs/rule-suppressions';
import { ServiceBase } from '../constructs/service';
import { ShieldedBackend } from '../constructs/shielded-backend';
import { VclService } from '../constructs/vcl-service';
import { VclSnippet } from '../constructs/vcl-snippet';

type ConstructClass = new (scope: Construct, id: string, props: any) => Construct;

const CLASSES: { [name: string]: ConstructClass } = {
  Backend, Healthcheck, Condition, OriginPool, ShieldedBackend, Director, VclSnippet, VclService, ComputeService,
};

/** The constructs a plan was built into, by planned construct. */
export interface BuiltApp {
  readonly stack: TerraformStack;
  readonly services: Map<ServicePlan, ServiceBase>;
  readonly constructs: Map<ConstructPlan, Construct>;
}

/** A construct inside a planned one that a suppression or a reference names (`origins[0]` of a pool, `Backend` of a shielded backend). */
export function childOf(construct: Construct, child: string | undefined): IConstruct {
  return child === undefined ? construct : construct.node.findChild(child);
}

/** The value a prop gets: typed plan values become the constructs' types. */
function valueOf(value: PlanValue, built: Map<ConstructPlan, Construct>): any {
  if (Array.isArray(value)) return value.map((element) => valueOf(element, built));
  if (value === null || typeof value !== 'object') return value;
  if (!isTyped(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, valueOf(inner, built)]));
  switch (value.kind) {
    case 'duration':
      return Duration[value.unit](typeof value.amount === 'number' ? value.amount : valueOf(value.amount, built));
    case 'enum':
      return value.value;
    case 'expression':
      return value.type === 'number' ? Token.asNumber(value.text) : value.type === 'list' ? Token.asList(value.text)
        : value.type === 'boolean' ? Token.asAny(value.text) : value.text;
    case 'loadBalancing':
      return (LoadBalancing as any)[value.mode](valueOf(value.options as PlanValue, built));
    case 'ref': {
      const target = built.get(value.target);
      if (!target) throw new Error(`${value.target.id} is referred to before it is built`);
      if (value.backend !== undefined) return (target as OriginPool).backends[value.backend];
      return value.member ? (target as any)[value.member] : target;
    }
  }
}

/**
 * Builds a plan into real constructs of a fresh app (never synthesised to disk), so that it can be
 * synthesised and validated in memory.
 */
export function instantiate(plan: AppPlan): BuiltApp {
  const app = new App({ outdir: path.join(os.tmpdir(), 'cdktf-fastly-origins-convert'), stackTraces: false, skipValidation: true });
  const stack = new TerraformStack(app, plan.stackId);
  new FastlyProvider(stack, 'fastly', valueOf(plan.provider as PlanValue, new Map()));
  for (const value of plan.values) {
    if (value.kind === 'variable') new TerraformVariable(stack, value.name, value.config as any);
    else new TerraformLocal(stack, value.name, value.config);
  }
  const services = new Map<ServicePlan, ServiceBase>();
  const constructs = new Map<ConstructPlan, Construct>();
  for (const servicePlan of plan.services) {
    const service = new CLASSES[servicePlan.className](stack, servicePlan.id, valueOf(servicePlan.props, constructs)) as VclService;
    services.set(servicePlan, service);
    for (const constructPlan of servicePlan.constructs) {
      constructs.set(constructPlan, new CLASSES[constructPlan.className](service, constructPlan.id, valueOf(constructPlan.props, constructs)));
    }
    for (const statement of servicePlan.statements) {
      const resource = service.resource as any;
      if (statement.kind === 'assign') resource[statement.property] = valueOf(statement.value, constructs);
      else if (statement.kind === 'call') resource[statement.method](valueOf(statement.value, constructs));
      else resource.addOverride(statement.path, statement.value);
    }
    for (const suppression of servicePlan.suppressions) {
      RuleSuppressions.addSuppressions(childOf(service, suppression.child), [{ id: suppression.id, reason: suppression.reason }]);
    }
    for (const constructPlan of servicePlan.constructs) {
      for (const suppression of constructPlan.suppressions) {
        const target = childOf(constructs.get(constructPlan)!, suppression.child);
        RuleSuppressions.addSuppressions(target, [{ id: suppression.id, reason: suppression.reason }]);
      }
    }
  }
  return { stack, services, constructs };
}

/** The stack as Terraform JSON. */
export function synthesize(built: BuiltApp): any {
  return JSON.parse(Testing.synth(built.stack));
}

/** Every problem validation reports, by the construct it is reported on. */
export function validationProblems(built: BuiltApp): Array<{ construct: IConstruct; message: string }> {
  return built.stack.node.findAll().flatMap((construct) => construct.node.validate().map((message) => ({ construct, message })));
}
