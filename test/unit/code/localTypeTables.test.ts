import { strict as assert } from 'node:assert';
import { goLocalSource, GoLocalTypes, goLocalType, PyLocalTypes, pyLocalTypes, tsLocalSource, TsLocalTypes, tsLocalType } from '../../../src/core/code/localTypes';

describe('Python local types: every name of a function at once gives what one name at a time gives', () => {
  it('annotations first, then each class made (constructors, factories, module-qualified), prefixes and comparisons apart', () => {
    const body = [
      'async def handle(request, repo: OrderRepo = Depends(get_repo), user_repo: UserRepo):',
      '    importer = JiraAgileImporter(token)',
      '    if agile:',
      '        importer = JiraNormalImporter(token)',
      '    repository = ProductRepository.from_session(session)',
      '    client = httpx.AsyncClient(timeout=5)',
      '    items: list[Item] = []',
      '    cache: Cache = Cache.create()',
      '    svc = services.OrderService(repo); svc2 = OrderService(repo)',
      '    if importer == Other(token):',
      '        pass',
      '    importer = JiraAgileImporter(token)',
      '    a_importer = Wrong(token)',
      '    client2 = Client(client2=HttpClient(timeout=5))', // a keyword of the call is no assignment
    ].join('\n');
    const table = PyLocalTypes.of(body);
    const names = ['client2', 'repo', 'user_repo', 'importer', 'repository', 'client', 'items', 'cache', 'svc', 'svc2', 'a_importer', 'request', 'missing', 'Item'];
    for (const name of names) assert.deepEqual(table.typesOf(name), pyLocalTypes(body, name), name);
    // And what they give, so that the comparison is not between two empty answers.
    assert.deepEqual(table.typesOf('importer'), ['JiraAgileImporter', 'JiraNormalImporter']);
    assert.deepEqual(table.typesOf('repo'), ['OrderRepo']);
    assert.deepEqual(table.typesOf('repository'), ['ProductRepository']);
    assert.deepEqual(table.typesOf('svc'), ['OrderService']);
    assert.deepEqual(table.typesOf('cache'), ['Cache']);
    assert.deepEqual(table.typesOf('client'), ['AsyncClient']);
    assert.deepEqual(table.typesOf('client2'), ['Client']);
  });
});

describe('TypeScript local types: every name of a function at once gives what one name at a time gives', () => {
  it('parameters, locals and fields with modifiers, generic and optional annotations, standard types, unannotated names', () => {
    const body = [
      'async refresh(provider: SocialProvider, opts?: Options<Foo>, id: string, list: Array<Item>) {',
      '  const repo: OrderRepo = getRepo();',
      '  let cache: Map<string, Item> = new Map();',
      '  const client = new HttpClient();',
      '  constructor(private readonly users: UserService, public orders: OrderService) {}',
      '  const other: OrderRepo | undefined = x;',
      '  const providerX: Other = y;',
      '  let later: Later;',
      '  const obj = { key: Value, repo2: Repo2 };',
      '  const provider2 = this._integrationManager.getSocialIntegration(id);',
      '  const repo3 = await getRepo();',
      '  const mod = require(\'x\');',
      // Annotated with a space before the colon: a type only where the name is also written with the colon after it.
      '  const spaced : Spaced = z;',
      '  const elsewhere : Elsewhere = z;',
      '  send({ elsewhere: 1 });',
      '}',
    ].join('\n');
    const table = TsLocalTypes.of(body);
    for (const name of ['provider', 'opts', 'id', 'list', 'repo', 'cache', 'client', 'users', 'orders', 'other', 'providerX', 'later', 'key', 'repo2', 'provider2', 'repo3', 'mod', 'spaced', 'elsewhere', 'missing']) {
      assert.equal(table.typeOf(name), tsLocalType(body, name), name);
      assert.deepEqual(table.sourceOf(name), tsLocalSource(body, name), `source of ${name}`);
    }
    assert.equal(table.typeOf('provider'), 'SocialProvider');
    assert.equal(table.typeOf('users'), 'UserService');
    assert.equal(table.typeOf('repo'), 'OrderRepo');
    assert.equal(table.typeOf('cache'), undefined, 'a standard type is no class of the workspace');
    assert.deepEqual(table.sourceOf('provider2'), ['this', '_integrationManager', 'getSocialIntegration']);
    assert.deepEqual(table.sourceOf('repo3'), ['getRepo']);
    assert.equal(table.typeOf('spaced'), undefined);
    assert.equal(table.typeOf('elsewhere'), 'Elsewhere');
  });
});

describe('Go local types: every name of a function at once gives what one name at a time gives', () => {
  it('literals, constructors, new, generics, var, assertions, parameters, range elements, request parts; a name with err', () => {
    const body = [
      'func (h *Handler) Serve(c *conf.Server, w http.ResponseWriter, r *http.Request) {',
      '\tparams := r.URL.Query()',
      '\thdr := r.Header',
      '\tuserHandler := api.UserAPI{DB: h.db}',
      '\tsvc := &Service{}',
      '\trepo, err := store.NewOrderRepo(h.db)',
      '\tcache := new(pkg.Cache)',
      '\tservice := ParametersFromContext[*explorer.DeleteFileService](c, key)',
      '\tvar tx *gorm.DB',
      '\trs, ok := ctx.Get(r, "result").(models.Result)',
      '\tfs := []*files.File{}',
      '\tfor _, f := range fs {',
      '\t\tf.Delete(s)',
      '\t}',
      '\tm := map[string]int{}',
      '\tplain := h.repos.Orders()',
      '\tsvc2 := NewService(plain)',
      '}',
    ].join('\n');
    const table = GoLocalTypes.of(body);
    const names = ['params', 'hdr', 'userHandler', 'svc', 'repo', 'err', 'cache', 'service', 'tx', 'rs', 'ok', 'fs', 'f', 'm', 'plain', 'svc2', 'c', 'w', 'r', 'missing'];
    for (const name of names) {
      assert.equal(table.typeOf(name), goLocalType(body, name), name);
      assert.deepEqual(table.sourceOf(name), goLocalSource(body, name), `source of ${name}`);
    }
    assert.deepEqual(table.sourceOf('plain'), ['repos', 'Orders']);
    // An element of a slice a function returned: that function, marked by a last '[]'.
    const loop = ['func f(s *S) {', '	projects, err := getProjectsToDelete(s, u)', '	for _, p := range projects {', '		p.Delete(s)', '	}', '}'].join('\n');
    assert.deepEqual(GoLocalTypes.of(loop).sourceOf('p'), goLocalSource(loop, 'p'));
    assert.deepEqual(GoLocalTypes.of(loop).sourceOf('p'), ['getProjectsToDelete', '[]']);
    assert.equal(table.typeOf('userHandler'), 'api.UserAPI');
    assert.equal(table.typeOf('repo'), 'store.OrderRepo');
    assert.equal(table.typeOf('service'), 'explorer.DeleteFileService');
    assert.equal(table.typeOf('f'), 'files.File');
    assert.equal(table.typeOf('c'), 'conf.Server');
    assert.equal(table.typeOf('params'), 'url.Values');
  });
});
