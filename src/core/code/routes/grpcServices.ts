import type { Node } from '@vscode/tree-sitter-wasm';
import { baseClasses } from '../declaredTypes';
import { goLocalType } from '../localTypes';
import type { CallInfo } from '../fileStructure';
import { calleeChain, stringValue } from '../syntax';
import { methodAfter } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

/**
 * gRPC servers: each method of a service is a route, `POST /<package>.<Service>/<Method>` (the HTTP/2 path every call
 * is made on, and what gRPC's metrics name by `rpc.service` and `rpc.method`). The code says which service it
 * implements and with what; the `.proto` file says the package and which methods are the service's (protoFiles.ts),
 * and the join puts the two together (a helper method of the implementation is no route):
 * - Go: `pb.RegisterCheckoutServiceServer(srv, svc)`: the methods of `svc`'s type named as the service's;
 *   `srv.RegisterService(&pb.CheckoutService_ServiceDesc, svc)` and connect-go's `pbconnect.NewCheckoutServiceHandler(svc)`
 *   likewise;
 * - Python: a class extending `demo_pb2_grpc.RecommendationServiceServicer`, its methods;
 * - Java: a class extending `AdServiceGrpc.AdServiceImplBase` (grpc-java; also Kotlin's coroutine stubs' base), its
 *   methods, named in lower camel case;
 * - JavaScript (@grpc/grpc-js): `server.addService(proto.CurrencyService.service, { convert, getSupportedCurrencies })`
 *   or the static code generator's `CurrencyServiceService`, each key of the implementation; NestJS microservices'
 *   `@GrpcMethod('HeroesService', 'FindOne')` (the service defaults to the class's name, the method to its own,
 *   capitalised).
 */
export function findGrpcServices(c: RouteCollector): void {
  const s = c.s;
  const family = s.spec.family;
  if (family === 'go' && s.memo('grpc.go', () => (s.mentions('Server') || s.mentions('Handler') || s.mentions('_ServiceDesc')) && /\bRegister\w+(?:Server|Handler(?:Client|FromEndpoint)?)\b|connect\.New\w+Handler\s*\(|_ServiceDesc\b/.test(s.text))) goRegistrations(c);
  else if (family === 'js') {
    if (s.memo('grpc.js', () => s.mentions('addService') && /\baddService\s*\(/.test(s.text))) jsRegistrations(c);
    if (s.memo('grpc.nest', () => s.mentions('@Grpc') && /@Grpc(?:Stream)?Method\b/.test(s.text))) nestGrpcMethods(c);
  } else if ((family === 'python' || family === 'java') && s.memo('grpc.classes', () => (s.mentions('Servicer') || s.mentions('ImplBase')) && /Servicer\b|ImplBase\b/.test(s.text))) implementationClasses(c);
}

const GO_REGISTER = /^Register(\w+)Server$/;
/** connect-go's generated constructor, `…connect.NewMemoServiceHandler(impl, opts...)`: the same paths, over HTTP/1.1 too. */
const CONNECT_HANDLER = /^New(\w+)Handler$/;
const SERVICE_DESC = /^\s*&?(?:\w+\.)?(\w+)_ServiceDesc\s*,/;

function goRegistrations(c: RouteCollector): void {
  const s = c.s;
  for (const [i, call] of s.calls) {
    const name = call.chain[call.chain.length - 1] ?? '';
    if (call.argsStart < 0) continue;
    // `srv.RegisterService(&pb.CheckoutService_ServiceDesc, svc)`: what RegisterCheckoutServiceServer does.
    const described = name === 'RegisterService' ? SERVICE_DESC.exec(s.argumentsText(call))?.[1] : undefined;
    const http = KRATOS_HTTP.exec(name) ?? GATEWAY_SERVER.exec(name);
    if (http) {
      httpRegistration(c, i, call, http[1], http[0].endsWith('HTTPServer') ? 'kratos' : 'grpc-gateway');
      continue;
    }
    const gateway = GATEWAY_CLIENT.exec(name)?.[1] ?? gatewayGiven(c, call);
    if (gateway) {
      // The gateway's handlers call the service's gRPC server, which the join finds where the service registers it.
      c.add({ method: 'ANY', path: `/${gateway}`, framework: 'grpc-gateway', declaration: s.rangeOf(i), at: i, mountable: false, grpc: { service: gateway, http: true, viaServer: true } });
      continue;
    }
    const grpc = described ?? GO_REGISTER.exec(name)?.[1];
    const connect = grpc ? undefined : call.chain.length === 2 && call.chain[0].endsWith('connect') ? CONNECT_HANDLER.exec(name)?.[1] : undefined;
    const service = grpc ?? connect;
    if (!service) continue;
    const args = s.argumentsOf(call);
    if (grpc ? args.length !== 2 : args.length < 1) continue;
    const impl = goImplementation(c, i, args[grpc ? 1 : 0]);
    if (!impl) continue;
    const framework = grpc ? 'grpc' : 'connect';
    c.add({ method: 'POST', path: `/${service}`, framework, declaration: s.rangeOf(i), handlerChain: impl.chain, handlerType: impl.type, handlerFrom: impl.from, at: i, mountable: false, grpc: { service } });
  }
}

/** Kratos's generated `v1.RegisterShopAdminHTTPServer(srv, impl)`: the service's rpcs at their HTTP bindings. */
const KRATOS_HTTP = /^Register(\w+)HTTPServer$/;
/** grpc-gateway's in-process `gw.RegisterShopHandlerServer(ctx, mux, impl)`. */
const GATEWAY_SERVER = /^Register(\w+)HandlerServer$/;
/**
 * grpc-gateway's handlers that call a gRPC server through a client (`RegisterShopHandlerClient(ctx, mux,
 * pb.NewShopClient(conn))`), a connection (`RegisterShopHandler(ctx, mux, conn)`) or an address
 * (`RegisterShopHandlerFromEndpoint(ctx, mux, "localhost:9090", opts)`): the service's own server when the workspace
 * registers one (flipt's in-process channel), which the join looks for; none otherwise (a proxy to another service).
 */
const GATEWAY_CLIENT = /^Register(\w+)Handler(?:Client|FromEndpoint)?$/;
const GATEWAY_VALUE = /^(?:\w+\.)?Register(\w+)Handler(?:Client|FromEndpoint)?$/;

/** A gateway registration handed to a project's helper as a value (flipt's `register(ctx, client, rpcauth.RegisterAuthHandlerClient)`). */
function gatewayGiven(c: RouteCollector, call: CallInfo): string | undefined {
  const s = c.s;
  if (!s.mentions('HandlerClient') && !s.mentions('HandlerFromEndpoint')) return undefined;
  const text = s.argumentsText(call);
  if (!/Register\w+Handler/.test(text)) return undefined;
  for (const arg of s.argumentsOf(call)) {
    const m = GATEWAY_VALUE.exec(arg.text);
    if (m && (arg.type === 'identifier' || arg.type === 'selector_expression')) return m[1];
  }
  return undefined;
}

/**
 * A service served over HTTP as its `.proto` file's `google.api.http` options bind its rpcs: one route per binding,
 * each run by the implementation's method of the rpc's name (the join reads the bindings).
 */
function httpRegistration(c: RouteCollector, i: number, call: CallInfo, service: string, framework: string): void {
  const s = c.s;
  const args = s.argumentsOf(call);
  const impl = args.length === (framework === 'kratos' ? 2 : 3) ? goImplementation(c, i, args[args.length - 1]) : undefined;
  if (!impl) return;
  c.add({ method: 'ANY', path: `/${service}`, framework, declaration: s.rangeOf(i), handlerChain: impl.chain, handlerType: impl.type, handlerFrom: impl.from, at: i, mountable: false, grpc: { service, http: true } });
}

/**
 * The value a Go registration hands gRPC, as a name and, when the code says, its type: a local (`svc :=
 * &productCatalog{}`, `svc := new(checkoutService)`), the method's own receiver, or a value made in place
 * (`&server{}`, `NewServer(db)`). A value a function made (`svr := server.MustNewServerWithOpts(…)`, `svc, err :=
 * NewServer(db)`, in place too): that function as `from`, whose declared result the join reads (its name may guess
 * no type, or the wrong one).
 */
function goImplementation(c: RouteCollector, at: number, arg: Node): { chain: string[]; type?: string; from?: string[] } | undefined {
  const s = c.s;
  const text = arg.text.replace(/^\*/, '');
  if (arg.type === 'identifier') {
    const f = s.functionOf[at];
    const fn = f >= 0 ? s.functions[f] : undefined;
    if (fn?.receiver === text && fn.owner) return { chain: [text], type: fn.owner };
    // Declared in this function, or in one it is written in (go-zero's `zrpc.MustNewServer(c, func(s *grpc.Server) {
    // pb.RegisterOrderServer(s, srv) })` with `srv := server.NewOrderServer(ctx)` in main).
    let type: string | undefined;
    let from: string[] | undefined;
    for (let g = f; g >= 0 && !type && !from; g = s.functions[g].outer) {
      const span = s.spanOfFunction(g);
      const locals = span ? s.goLocalTypesOf(span) : undefined;
      type = locals?.typeOf(text);
      from = locals?.sourceOf(text);
    }
    return { chain: [text], ...(type ? { type } : {}), ...(from && from[from.length - 1] !== '[]' ? { from } : {}) };
  }
  // A value made in place has the type a local made the same way would.
  const made = arg.type === 'call_expression' ? calleeChain(arg.childForFieldName('function')?.text ?? '') : undefined;
  const from = made && made.length <= 2 ? { from: made } : {};
  const type = goLocalType(`_ := ${text}`, '_');
  if (type) return { chain: [type.split('.').pop()!], type, ...from };
  const chain = calleeChain(text);
  return chain?.length ? { chain, ...from } : undefined;
}

function jsRegistrations(c: RouteCollector): void {
  const s = c.s;
  for (const [i, call] of s.calls) {
    if (call.chain[call.chain.length - 1] !== 'addService' || call.argsStart < 0) continue;
    const [definition, impl] = s.argumentsOf(call);
    if (!definition || impl?.type !== 'object') continue;
    // `pkg.CurrencyService.service` (the proto loader's) or `CurrencyServiceService` (grpc-tools' and ts-proto's).
    const named = definition.text.replace(/\s/g, '');
    const service = /(\w+)\.service$/.exec(named)?.[1] ?? /(\w+)Service$/.exec(named.split('.').pop() ?? '')?.[1];
    if (!service) continue;
    for (const pair of impl.namedChildren) {
      if (!pair) continue;
      const key = pair.type === 'shorthand_property_identifier' ? pair.text : pair.type === 'pair' || pair.type === 'method_definition' ? propertyName(pair.childForFieldName(pair.type === 'pair' ? 'key' : 'name')) : undefined;
      if (!key) continue;
      const value = pair.type === 'pair' ? unbound(pair.childForFieldName('value')) : pair.type === 'method_definition' ? pair : undefined;
      const handlerIndex = value && /function|arrow|method_definition/.test(value.type) ? c.functionIndexOf(value) : undefined;
      const handlerChain = handlerIndex === undefined ? (pair.type === 'shorthand_property_identifier' ? [key] : value ? calleeChain(value.text) : undefined) : undefined;
      if (handlerIndex === undefined && !handlerChain?.length) continue;
      c.add({ method: 'POST', path: `/${service}/${key}`, framework: 'grpc', declaration: s.rangeOfNode(pair), handlerIndex, handlerChain, at: i, mountable: false, grpc: { service, method: key } });
    }
  }
}

function nestGrpcMethods(c: RouteCollector): void {
  const s = c.s;
  for (let i = 0; i < s.nodes.length; i++) {
    if (s.nodes[i].type !== 'decorator') continue;
    const call = s.calls.get(i + 1);
    if (!call || s.nodes[i + 1].parent !== i || call.chain.length !== 1 || !/^Grpc(?:Stream)?Method$/.test(call.chain[0])) continue;
    const method = methodAfter(s, i);
    const fn = method !== undefined ? s.functions[s.functionIndexAt(method)!] : undefined;
    if (!fn?.name || !fn.owner) continue;
    const [serviceArg, methodArg] = s.argumentsOf(call);
    const service = stringValue(serviceArg) ?? fn.owner;
    const rpc = stringValue(methodArg) ?? fn.name[0].toUpperCase() + fn.name.slice(1);
    c.add({ method: 'POST', path: `/${service}/${rpc}`, framework: 'nestjs', declaration: s.rangeOf(i), handlerIndex: method, at: i, mountable: false, grpc: { service, method: rpc } });
  }
}

/** `HipsterShopServer.ChargeServiceHandler.bind(this)` is the function it binds. */
function unbound(value: Node | null): Node | null {
  if (value?.type !== 'call_expression') return value;
  const callee = value.childForFieldName('function');
  return callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'bind' ? callee.childForFieldName('object') : value;
}

function propertyName(key: Node | null): string | undefined {
  if (!key) return undefined;
  return key.type === 'string' ? key.text.slice(1, -1) : /^\w+$/.test(key.text) ? key.text : undefined;
}

/** Python's `…Servicer` and Java's `…ImplBase` (`…CoroutineImplBase` for Kotlin's stubs) subclasses: their methods. */
function implementationClasses(c: RouteCollector): void {
  const s = c.s;
  const bases = s.memo('grpc.bases', () => baseClasses(s.text, s.spec.family));
  if (!bases) return;
  for (const fn of s.functions) {
    if (!fn.name || !fn.owner || fn.name.startsWith('_') || fn.outer >= 0) continue;
    // A Java helper of the same name as an rpc (Signal-Server's `private SendResponse sendMessage(String d, boolean u)`
    // beside the `@Override`): only a public method is called by the generated base.
    if (s.spec.family === 'java' && /\b(?:private|static|protected)\b/.test(javaModifiers(s.nodes[fn.index].node))) continue;
    const name = implementedService(bases, fn.owner);
    if (!name) continue;
    c.add({ method: 'POST', path: `/${name}/${fn.name}`, framework: 'grpc', declaration: s.rangeOf(fn.index), handlerIndex: fn.index, at: fn.index, mountable: false, grpc: { service: name, method: fn.name } });
  }
}

/** A Java method's modifier keywords (not its annotations, `@SuppressWarnings("static-access")`), or ''. */
function javaModifiers(method: Node): string {
  const modifiers = method.namedChildren.find((n) => n?.type === 'modifiers');
  return modifiers ? modifiers.children.filter((n) => n && n.type !== 'annotation' && n.type !== 'marker_annotation').map((n) => n!.text).join(' ') : '';
}

/** The service a class implements, through the file's own classes too (`EmailService(BaseEmailService)`). */
function implementedService(bases: Record<string, string[]>, cls: string, depth = 0): string | undefined {
  for (const base of bases[cls] ?? []) {
    const m = /^(\w+?)(?:Coroutine)?ImplBase$|^(\w+)Servicer$/.exec(base);
    if (m) return m[1] ?? m[2];
    const inherited = depth < 3 && base !== cls ? implementedService(bases, base, depth + 1) : undefined;
    if (inherited) return inherited;
  }
  return undefined;
}
