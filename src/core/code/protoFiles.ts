import type { FileAnalysis, ProtoService } from './codeModel';

/**
 * Protocol Buffers service definitions, for gRPC servers (routes/grpcServices.ts). A gRPC call is an HTTP/2 POST to
 * `/<package>.<Service>/<Method>`, and the service's code never spells that path: it registers an implementation of
 * a generated interface (`pb.RegisterCheckoutServiceServer(srv, svc)`, a class extending `CheckoutServiceServicer`).
 * What the path is made of, the package and the methods, is in the `.proto` file the code is generated from, often
 * shared by several services and kept outside all of them (microservices-demo's `protos/demo.proto`): so these files
 * are read wherever they are, and the join takes the definition nearest the registration.
 */

/** `.proto` files, except copies of other projects' (vendored dependencies, Google's well-known types). */
export function isProtoFile(file: string): boolean {
  return file.endsWith('.proto') && !/(^|\/)(node_modules|vendor|third_party|target|build|dist|out)\//.test(file) && !/(^|\/)google\/(protobuf|api|rpc)\//.test(file);
}

/** The services a `.proto` file declares, with the package that qualifies their names. */
export function protoServicesOf(raw: string): ProtoService[] {
  if (!raw.includes('service')) return [];
  const text = blankCommentsAndStrings(raw);
  const pkg = /(?:^|[;}\s])package\s+([\w.]+)\s*;/.exec(text)?.[1];
  const out: ProtoService[] = [];
  const service = /(?:^|[;}\s])service\s+(\w+)\s*\{/g;
  for (let m = service.exec(text); m; m = service.exec(text)) {
    const end = closingBrace(text, service.lastIndex);
    const body = text.slice(service.lastIndex, end);
    const methods: string[] = [];
    let http: ProtoService['http'];
    const rpc = /(?:^|[;}\s])rpc\s+(\w+)\s*\(/g;
    for (let r = rpc.exec(body); r; r = rpc.exec(body)) {
      methods.push(r[1]);
      const bindings = httpBindings(raw, text, service.lastIndex + rpc.lastIndex, end);
      if (bindings.length) (http ??= {})[r[1]] = bindings;
    }
    if (methods.length) out.push({ name: m[1], fullName: pkg ? `${pkg}.${m[1]}` : m[1], methods, ...(http ? { http } : {}) });
    service.lastIndex = end;
  }
  return out;
}

/**
 * The HTTP routes an rpc's `option (google.api.http) = { get: "/v1/orders/{id}" additional_bindings { post: … } }`
 * binds it to (grpc-gateway's and Kratos's), from its options block: the one after its signature, before the next
 * rpc. A path is kept as written, `/v1/{name=shelves/*}`, as grpc-gateway's `HTTPPathPattern` reports it: two rpcs
 * bound to `{name=shelves/*}` and `{name=books/*}` are two routes. `text` is `raw` with its strings and comments
 * blanked, at the same offsets: the structure is read there, the paths in `raw`.
 */
function httpBindings(raw: string, text: string, from: number, serviceEnd: number): { method: string; path: string }[] {
  // The rpc's own block, if it has one: `rpc X (A) returns (B) { … }` (or `;` without options).
  const open = /^[^;{}]*?\)\s*returns\s*\([^)]*\)\s*\{/.exec(text.slice(from, serviceEnd));
  if (!open) return [];
  const start = from + open[0].length;
  const end = closingBrace(text, start);
  const block = text.slice(start, end);
  const option = /option\s*\(\s*google\.api\.http\s*\)\s*=\s*\{/.exec(block);
  if (!option) return [];
  const out: { method: string; path: string }[] = [];
  // Within the option's own braces (other options, such as OpenAPI's, have keys of their own).
  const optionStart = option.index + option[0].length;
  const bindings = block.slice(0, closingBrace(block, optionStart));
  const verb = /(?:^|[\s{;,])(get|put|post|delete|patch)\s*:/g;
  verb.lastIndex = option.index;
  for (let v = verb.exec(bindings); v; v = verb.exec(bindings)) {
    // The string itself is blanked in `text`: read in `raw`, right after the colon.
    const quoted = /^\s*"([^"\n]*)"/.exec(raw.slice(start + verb.lastIndex, end));
    const path = quoted?.[1];
    if (path?.startsWith('/')) out.push({ method: v[1].toUpperCase(), path });
  }
  return out;
}

/** A `.proto` file as the join reads it: no code, only the services it declares. */
export function analyzeProtoFile(file: string, text: string): FileAnalysis {
  const services = protoServicesOf(text);
  return {
    file,
    // A definition has no language of its own; the field is required, and nothing reads it for a file without code.
    language: 'go',
    routes: [],
    hazards: [],
    envReads: [],
    links: { imports: [], exports: {}, functions: [], mounts: [], routeLinks: [], hazardOwners: [], pending: [], ...(services.length ? { protoServices: services } : {}) },
  };
}

/** Comments and string literals replaced by spaces (offsets kept), so that neither is read as a declaration. */
function blankCommentsAndStrings(text: string): string {
  return text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** The offset of the `}` closing the block whose body starts at `from` (the text's end when it is not closed). */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return text.length;
}
