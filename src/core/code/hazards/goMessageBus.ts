import type { CallInfo, FileStructure } from '../fileStructure';

/**
 * A Go message bus that hands each message to the handler registered for its type (fider's, Grafana's before 9:
 * `bus.AddHandler(getUserByID)` with `func getUserByID(ctx context.Context, q *query.GetUserByID) error`, and
 * `bus.Dispatch(ctx, &query.GetUserByID{UserID: id})`): the handler runs in the request that dispatches the
 * message. Both sides name the message's type, matched by its simple name (FunctionFact.listensTo, CallFact.event).
 */
export function mayDispatchGoMessages(mentions: (word: string) => boolean): boolean {
  return mentions('Dispatch') || mentions('Publish');
}

/** The functions a file registers on a bus (`bus.AddHandler(getUserByID)`, `AddListener(…)`), by name. */
export function goBusHandlersOf(text: string): string[] | undefined {
  const out = new Set<string>();
  // Also Grafana's `bus.AddHandler("sql", GetDataSourceByID)` and `AddHandlerCtx`, `AddEventListener`.
  for (const m of text.matchAll(/\bAdd(?:Handler|Listener|EventListener)(?:Ctx)?\(\s*(?:"[^"]*"\s*,\s*)?(?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*)\s*\)/g)) out.add(m[1]);
  return out.size ? [...out] : undefined;
}

/**
 * The message type a handler takes: `func f(ctx context.Context, q *pkg.T) error`, a function, not a method. Only
 * one the service registers on a bus is one (goBusHandlersOf): a plain `createUser(ctx, u *model.User)` is not.
 */
export function goMessageHandled(header: string): string | undefined {
  const m = /^func\s+\w+\s*\(\s*\w+\s+context\.Context\s*,\s*\w+\s+\*\s*(?:\w+\.)?([A-Z]\w*)\s*\)\s*error\s*\{/.exec(header);
  return m ? `go:${m[1]}` : undefined;
}

/**
 * The message types a `Dispatch`/`Publish` call hands its bus, after the context: `&pkg.T{…}` written there, or a
 * name the function set to one before (`q := &query.GetUserByID{…}`, or `&q` of `q := query.GetUserByID{…}`).
 */
export function goMessagesDispatched(s: FileStructure, i: number, call: CallInfo): string[] {
  const method = call.chain[call.chain.length - 1];
  if ((method !== 'Dispatch' && method !== 'Publish') || call.chain.length < 2 || call.argsStart < 0) return [];
  const args = s.argumentsOf(call).slice(1);
  if (!args.length) return [];
  const f = s.functionOf[i];
  const before = f >= 0 ? s.text.slice(s.spanOfFunction(f).start, s.nodes[i].start) : '';
  const out: string[] = [];
  for (const arg of args) {
    const written = /^&\s*(?:\w+\.)?([A-Z]\w*)\s*\{/.exec(arg.text)?.[1];
    const name = written ? undefined : /^&?\s*([A-Za-z_]\w*)$/.exec(arg.text)?.[1];
    const made = name ? [...before.matchAll(new RegExp(`\\b${name}\\s*:?=\\s*&?\\s*(?:\\w+\\.)?([A-Z]\\w*)\\s*\\{`, 'g'))].pop()?.[1] : undefined;
    const type = written ?? made;
    if (type && !out.includes(`go:${type}`)) out.push(`go:${type}`);
  }
  return out;
}
