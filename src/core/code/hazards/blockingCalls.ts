import type { Hazard } from '../codeModel';
import type { FileStructure } from '../fileStructure';
import type { CallCatalogue } from './callCatalogue';
import type { FoundHazard } from './loopHazards';

export interface BlockingFindings {
  /** Blocking whatever the route: inside `async def`, inside reactive code. */
  now: FoundHazard[];
  /** Blocking only matters on a request path: kept until the workspace join knows which functions routes reach. */
  onRequestPath: FoundHazard[];
}

/**
 * `blocking-call`: synchronous file or process calls and `time.sleep` on a request path, `requests` inside
 * `async def` (blocks the event loop), `Thread.sleep` and `.block()` inside reactive (Mono/Flux) code.
 */
export function findBlockingCalls(s: FileStructure, file: string, catalogue: CallCatalogue): BlockingFindings {
  const out: BlockingFindings = { now: [], onRequestPath: [] };
  for (const [i, call] of s.calls) {
    if (call.chain.length === 0) continue;
    const rule = s.rules(call, catalogue).blocking;
    if (!rule) continue;
    const fn = s.functionAt(i);
    const inAsync = !!fn?.async;
    const callee = call.chain.join('.');
    const hazard = (why: string): Hazard => ({
      code: 'blocking-call',
      file,
      range: s.rangeOf(i),
      callee,
      explanation: `\`${callee}(…)\`: ${rule.label}${why}.`,
      routes: [],
    });
    if (rule.context === 'async') {
      if (inAsync) out.now.push({ at: i, hazard: hazard(', while every other request on this worker waits') });
    } else if (rule.context === 'reactive') {
      if (inReactiveCode(s, i)) out.now.push({ at: i, hazard: hazard('') });
    } else if (inAsync && s.spec.family === 'python') {
      out.now.push({ at: i, hazard: hazard(' inside `async def`: it stalls the event loop for every request') });
    } else {
      out.onRequestPath.push({ at: i, hazard: hazard(' on a request path: the worker can serve nothing else meanwhile') });
    }
  }
  return out;
}

/** Inside a method returning Mono/Flux, or a lambda in one. */
function inReactiveCode(s: FileStructure, i: number): boolean {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const n = s.nodes[s.functions[f].index];
    const body = n.node.childForFieldName('body');
    const header = s.text.slice(n.start, body ? body.startIndex : n.end);
    if (/\b(Mono|Flux)\s*</.test(header)) return true;
  }
  return false;
}
