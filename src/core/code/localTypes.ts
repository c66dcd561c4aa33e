/**
 * The type a Go function gives a local value before calling its methods: `x := T{…}`, `x := &pkg.T{…}`,
 * `x := NewT(…)` / `x, err := pkg.NewT(…)` (Go's constructor convention), `x := new(T)`, `var x T`. Read from the function's own
 * text, so each handler's `serializer` has its own type. A type from another package comes back qualified
 * (`admin.API`): two packages often have a type of the same name.
 */
export function goLocalType(body: string, name: string): string | undefined {
  if (!body.includes(name)) return undefined;
  // `name` is a Go identifier: letters, digits and _ only.
  const m =
    new RegExp(`(?:^|[\\s;(,])${name}\\s*:?=\\s*&?(?:(\\w+)\\.)?([A-Za-z_]\\w*)\\s*\\{`).exec(body) ??
    new RegExp(`(?:^|[\\s;(,])${name}(?:\\s*,\\s*\\w+)?\\s*:?=\\s*(?:(\\w+)\\.)?[Nn]ew([A-Z]\\w*)\\(`).exec(body) ??
    new RegExp(`(?:^|[\\s;(,])${name}\\s*:?=\\s*new\\(\\s*(?:(\\w+)\\.)?([A-Za-z_]\\w*)\\s*\\)`).exec(body) ??
    new RegExp(`\\bvar\\s+${name}\\s+\\*?(?:(\\w+)\\.)?([A-Za-z_]\\w*)`).exec(body);
  if (!m || GO_NOT_TYPES.has(m[2])) return undefined;
  return m[1] ? `${m[1]}.${m[2]}` : m[2];
}

const GO_NOT_TYPES = new Set(['struct', 'map', 'func', 'interface', 'chan']);

/**
 * Python: the class a function gives a local name before calling its methods (`r = RecipeRepo(session)`), read from
 * the function's own text, so two functions' `r` keep their own classes.
 */
export function pyLocalType(body: string, name: string): string | undefined {
  if (!body.includes(name)) return undefined;
  // Its annotation first (`repo: OrderRepo = Depends(get_repo)`: the parameter's default is not its class).
  return (
    new RegExp(`(?:^|[\\s;(,])${name}\\s*:\\s*([A-Z]\\w*)\\b(?!\\s*[[.])`).exec(body)?.[1] ??
    new RegExp(`(?:^|[\\s;(])${name}\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:\\w+\\.)?([A-Z]\\w*)\\(`).exec(body)?.[1]
  );
}
