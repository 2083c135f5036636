import { isKnown, ServiceView } from './rule';
import { tokenize } from '../vcl/lexer';
import { ANY_SUBROUTINE, LocalsAround, localsDeclared } from '../vcl/program-check';

/** A VCL source in a service body: a snippet (of a type) or a custom VCL file. */
interface VclSource {
  readonly block: 'snippet' | 'dynamicsnippet' | 'vcl';
  readonly index: number;
  /** The snippet type; undefined for a custom VCL file. */
  readonly type?: string;
  /** The VCL to check, or undefined when Terraform only knows it at plan time. */
  readonly content?: string;
}

const TEMPLATE = /(?<![$%])[$%]\{/g;
// Stands for a template's value inside a VCL string; the lexer reads it nowhere else.
const PLACEHOLDER = '\u0001';

/**
 * The VCL Fastly will get from a Terraform string, with each `${…}` that stands inside a VCL string
 * literal replaced by placeholder text of its length (a value in a string changes no syntax, and
 * columns stay put). Undefined when an expression stands outside a string (it could be any VCL, as
 * `${file("main.vcl")}` is) or a `%{…}` directive shapes the text.
 */
export function vclOf(content: unknown): string | undefined {
  if (typeof content !== 'string') return undefined;
  if (!isKnown(content)) {
    let replaced = '';
    let last = 0;
    TEMPLATE.lastIndex = 0;
    for (let match = TEMPLATE.exec(content); match !== null; match = TEMPLATE.exec(content)) {
      if (match[0] === '%{') return undefined;
      const end = templateEnd(content, match.index + 2);
      if (end === undefined) return undefined;
      replaced += content.slice(last, match.index) + PLACEHOLDER.repeat(end - match.index);
      last = end;
      TEMPLATE.lastIndex = end;
    }
    content = replaced + content.slice(last);
  }
  const source = content as string;
  if (!source.includes(PLACEHOLDER)) return source;
  return tokenize(source, 'program').some((token) => token.kind === 'invalid' && source[token.column - 1] === PLACEHOLDER) ? undefined : source;
}

/** The offset just after the `}` that closes a template expression opened before `start`. */
function templateEnd(text: string, start: number): number | undefined {
  let depth = 1;
  let quote = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (quote) {
      if (character === '\\') index++;
      else if (character === '"') quote = false;
    } else if (character === '"') {
      quote = true;
    } else if (character === '{') {
      depth++;
    } else if (character === '}' && --depth === 0) {
      return index + 1;
    }
  }
  return undefined;
}

/** Every snippet, dynamic snippet and custom VCL file of a service, with the VCL Fastly will get. */
export function vclSources(service: ServiceView): VclSource[] {
  return (['snippet', 'dynamicsnippet', 'vcl'] as const).flatMap((block) => service.blocks(block).map((element, index) => ({
    block,
    index,
    type: block === 'vcl' ? undefined : element.type,
    content: vclOf(element.content),
  })));
}

const localsByService = new WeakMap<ServiceView, LocalsAround>();

/**
 * The locals each subroutine has besides those a piece of VCL declares itself: snippets of one type
 * share their subroutine, and custom VCL declares locals in its own. Unknown (undefined) when some
 * VCL of the subroutine is only known at deploy time: a dynamic snippet whose content another resource
 * manages, a template, or a `dynamic` block.
 */
export function localsAround(service: ServiceView): LocalsAround {
  let around = localsByService.get(service);
  if (!around) {
    const sources = vclSources(service);
    const complete = service.complete('snippet') && service.complete('dynamicsnippet') && service.complete('vcl');
    const unknownFiles = sources.some((source) => source.block === 'vcl' && source.content === undefined);
    const declared = sources.map((source) => ({
      source,
      locals: source.content === undefined ? undefined : localsDeclared(source.content, source.type),
    }));
    around = (subroutine) => {
      if (!complete || unknownFiles) return undefined;
      const locals = new Set<string>();
      for (const { source, locals: bySubroutine } of declared) {
        // Files and init snippets declare subroutines by name; a none snippet may be included anywhere.
        const runsThere = source.block === 'vcl' || source.type === 'init' || source.type === 'none' || source.type === subroutine.toLowerCase();
        if (!runsThere) continue;
        if (bySubroutine === undefined) return undefined;
        [...bySubroutine.get(subroutine) ?? [], ...bySubroutine.get(ANY_SUBROUTINE) ?? []].forEach((local) => locals.add(local));
      }
      return locals;
    };
    localsByService.set(service, around);
  }
  return around;
}
