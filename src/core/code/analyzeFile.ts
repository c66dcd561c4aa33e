import type { Tree } from '@vscode/tree-sitter-wasm';
import type { CallFact, FileAnalysis, FunctionFact, Hazard } from './codeModel';
import { FileStructure } from './fileStructure';
import { findBlockingCalls } from './hazards/blockingCalls';
import type { CallCatalogue, LanguageFamily } from './hazards/callCatalogue';
import { isDeadCode } from './hazards/deadCode';
import { findEnvReads } from './hazards/envReads';
import { findLoopHazards, localEffects, type FoundHazard } from './hazards/loopHazards';
import { findMissingTimeouts } from './hazards/missingTimeouts';
import { findRetryHazards } from './hazards/retryHazards';
import { findUnboundedQueries } from './hazards/unboundedQueries';
import { GO } from './languages/go';
import { JAVA } from './languages/java';
import { JAVASCRIPT } from './languages/javascript';
import type { LanguageSpec } from './languages/languageSpec';
import { PYTHON } from './languages/python';
import { moduleFacts } from './moduleFacts';
import { findGoRoutes, goStringConstants } from './routes/goRoutes';
import { findJavaRoutes } from './routes/javaRoutes';
import { findJavaScriptRoutes } from './routes/javascriptRoutes';
import { findNextRoutes } from './routes/nextRoutes';
import { findPythonRoutes } from './routes/pythonRoutes';
import { RouteCollector } from './routes/routeCollector';
import type { LanguageId } from './treeSitter';

const SPECS: Record<LanguageId, LanguageSpec> = {
  typescript: JAVASCRIPT,
  tsx: JAVASCRIPT,
  javascript: JAVASCRIPT,
  python: PYTHON,
  go: GO,
  java: JAVA,
};

export function familyOf(language: LanguageId): LanguageFamily {
  return SPECS[language].family;
}

/** Tests exercise code paths on purpose: hazards there are not production load. */
export function isTestFile(file: string): boolean {
  return (
    /(^|\/)(tests?|__tests__|__mocks__|spec|e2e|testdata|src\/test)\//.test(file) ||
    /(\.|_)(test|spec)\.[a-z]+$/.test(file) ||
    /(^|\/)test_[^/]+\.py$/.test(file) ||
    /(^|\/)conftest\.py$/.test(file) ||
    /Tests?\.java$/.test(file)
  );
}

/** Calls worth keeping for the workspace join: a plain name or a short member chain, not a builtin. */
const LINKABLE = /^[A-Za-z_$][\w$]*$/;
const NOT_LINKABLE = new Set(['console', 'Math', 'JSON', 'Object', 'Array', 'Promise', 'String', 'Number', 'res', 'req', 'reply', 'log', 'logger', 'fmt', 'errors', 'strings', 'strconv', 'len', 'print', 'str', 'int', 'list', 'dict', 'super', 'require']);

/**
 * Everything this file says on its own: routes, hazards, environment reads, and the facts the workspace join
 * needs (imports, exports, functions with their calls, mounts). One `descendantsOfType` pass builds the
 * structure; finders read it. Hazards are returned with no routes: the join (workspaceLinks) attaches them,
 * even for a single file.
 */
export function analyzeTree(file: string, language: LanguageId, tree: Tree, catalogue: CallCatalogue, text: string = tree.rootNode.text): FileAnalysis {
  const spec = SPECS[language];
  const family = spec.family;
  const s = new FileStructure(text, tree, spec);
  const routes = new RouteCollector(s, file);
  const constants = family === 'go' ? goStringConstants(tree.rootNode) : {};
  if (family === 'js') {
    findJavaScriptRoutes(routes);
    findNextRoutes(routes);
  } else if (family === 'python') findPythonRoutes(routes);
  else if (family === 'go') findGoRoutes(routes, constants);
  else findJavaRoutes(routes);

  const test = isTestFile(file);
  const indirect = localEffects(s, catalogue);
  const found: FoundHazard[] = [];
  let pendingFound: FoundHazard[] = [];
  if (!test) {
    found.push(...findLoopHazards(s, file, catalogue, indirect));
    found.push(...findUnboundedQueries(s, file, catalogue));
    const blocking = findBlockingCalls(s, file, catalogue);
    found.push(...blocking.now);
    pendingFound = blocking.onRequestPath;
    found.push(...findMissingTimeouts(s, file, catalogue, tree));
    found.push(...findRetryHazards(s, file, catalogue, indirect));
  }
  const alive = (f: FoundHazard) => f.at < 0 || !isDeadCode(s.nodes[f.at].node);
  const kept = found.filter(alive).sort(byPosition);

  // Functions the join can reach: named ones, and anonymous route handlers.
  const factIndex = new Map<number, number>();
  const functions: FunctionFact[] = [];
  const exportsAndImports = moduleFacts(text, family);
  for (let f = 0; f < s.functions.length; f++) {
    const info = s.functions[f];
    if (!info.name && !routes.handlerFunctions.has(info.index)) continue;
    const n = s.nodes[info.index];
    factIndex.set(f, functions.length);
    functions.push({
      name: info.name ?? '',
      owner: info.owner,
      span: { start: n.start, end: n.end },
      range: s.rangeOf(info.index),
      exported: info.outer === -1,
      calls: [],
    });
  }
  const ownerAt = (scanIndex: number): number => {
    for (let f = s.functionOf[scanIndex]; f >= 0; f = s.functions[f].outer) {
      const fact = factIndex.get(f);
      if (fact !== undefined) return fact;
    }
    return -1;
  };
  const ownerAtOffset = (offset: number): number => {
    let best = -1;
    for (let k = 0; k < functions.length; k++) {
      const sp = functions[k].span;
      if (sp.start <= offset && offset < sp.end && (best < 0 || sp.start >= functions[best].span.start)) best = k;
    }
    return best;
  };
  for (const [i, call] of s.calls) {
    const owner = ownerAt(i);
    if (owner < 0) continue;
    const fact = functions[owner];
    const match = call.chain.length ? catalogue.match(call.chain, family) : undefined;
    if (match && !fact.effect) fact.effect = { callee: call.chain.join('.'), match };
    if (match || call.chain.length === 0 || call.chain.length > 3 || NOT_LINKABLE.has(call.chain[0]) || !LINKABLE.test(call.chain[call.chain.length - 1])) continue;
    const loop = s.loopAt(i);
    const n = s.nodes[i];
    const callFact: CallFact = { chain: call.chain, span: { start: n.start, end: n.end }, range: s.rangeOf(i) };
    if (loop) callFact.loop = { kind: loop.kind, mode: loop.mode, range: loop.range };
    fact.calls.push(callFact);
  }

  const owners = (list: FoundHazard[]) => list.map((f) => (f.at >= 0 ? ownerAt(f.at) : ownerAtOffset(f.offset ?? 0)));
  const pending = pendingFound.filter(alive);
  const pendingOwners = owners(pending);
  for (const link of routes.links) {
    const handler = routes.handlerOf.get(link.route);
    const f = handler !== undefined ? s.functionIndexAt(handler) : undefined;
    const fact = f !== undefined ? factIndex.get(f) : undefined;
    if (fact !== undefined) link.handlerFunction = fact;
  }
  return {
    file,
    language,
    routes: routes.routes,
    hazards: kept.map((f) => f.hazard),
    envReads: test ? [] : findEnvReads(s, tree),
    links: {
      imports: exportsAndImports.imports,
      exports: exportsAndImports.exports,
      functions,
      mounts: routes.mounts,
      routeLinks: routes.links,
      hazardOwners: owners(kept),
      pending: pending.map((f, k) => ({ hazard: f.hazard, owner: pendingOwners[k] })),
      globalPrefix: routes.globalPrefix,
    },
  };
}

function byPosition(a: FoundHazard, b: FoundHazard): number {
  const x: Hazard = a.hazard;
  const y: Hazard = b.hazard;
  return x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || x.code.localeCompare(y.code);
}
