import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('a GraphQL field resolver of a non-root type runs once per object of the list that holds it', () => {
  it("NestJS's @ResolveField and an Apollo resolver map's type field query per parent (hoppscotch's teamMembers); also of a type another file lists (TeamMember); a root @Query, a DataLoader's load, a field of Query and one of a type no file lists (hoppscotch's Infra) do not", async () => {
    const f = await joined({
      'src/app.module.ts': lines(
        '@Module({',
        "  imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true, path: '/graphql' })],",
        '})',
        'export class AppModule {}',
      ),
      'src/team/team.resolver.ts': lines(
        "import { prisma } from '../db';",
        '@Resolver(() => Team)',
        'export class TeamResolver {',
        '  @Query(() => [Team])',
        '  async myTeams(@Args(\'uid\') uid: string) {',
        '    return prisma.team.findMany({ where: { members: { some: { uid } } }, take: 20 });',
        '  }',
        '  @ResolveField(() => [TeamMember])',
        '  async teamMembers(@Parent() team: Team) {',
        '    return prisma.teamMember.findMany({ where: { teamID: team.id }, take: 100 });',
        '  }',
        '  @ResolveField(() => Number)',
        '  async ownersCount(@Parent() team: Team, @Context() ctx) {',
        '    return ctx.loaders.owners.load(team.id);',
        '  }',
        '}',
      ),
      'src/resolvers.ts': lines(
        "import { pool } from './db';",
        'export const resolvers = {',
        '  Query: {',
        "    users: () => pool.query('SELECT id FROM users LIMIT 20'),",
        '  },',
        '  User: {',
        "    posts: (user) => pool.query('SELECT id FROM posts WHERE author_id = $1', [user.id]),",
        '  },',
        '};',
        'export const typeDefs = `type Query { users: [User!]! } type User { id: ID! posts: [Post!]! }`;',
      ),
      // A type another file lists (team.resolver.ts's `@ResolveField(() => [TeamMember])`): per member too.
      'src/team/team-member.resolver.ts': lines(
        "import { prisma } from '../db';",
        '@Resolver(() => TeamMember)',
        'export class TeamMemberResolver {',
        '  @ResolveField(() => User)',
        '  async user(@Parent() member: TeamMember) {',
        '    return prisma.user.findUnique({ where: { uid: member.userUid } });',
        '  }',
        '}',
      ),
      // A type resolved one at a time (hoppscotch's admin Infra): its fields run once a request.
      'src/admin/infra.resolver.ts': lines(
        "import { prisma } from '../db';",
        '@Resolver(() => Infra)',
        'export class InfraResolver {',
        '  @Query(() => Infra)',
        '  infra() {',
        '    return {};',
        '  }',
        '  @ResolveField(() => Number)',
        '  async usersCount() {',
        '    return prisma.user.count();',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((h) => h.includes('-in-loop')), [
      'query-in-loop src/resolvers.ts:7:22 pool.query [GraphQL field resolver parallel] → POST /graphql',
      'query-in-loop src/team/team-member.resolver.ts:6:12 prisma.user.findUnique [GraphQL field resolver parallel] → POST /graphql',
      'query-in-loop src/team/team.resolver.ts:10:12 prisma.teamMember.findMany [GraphQL field resolver parallel] → POST /graphql',
    ]);
  });

  it("Spring's @SchemaMapping on a type and DGS's @DgsData on a parent type query per parent; @BatchMapping, @QueryMapping and @SchemaMapping(typeName = \"Query\") do not; gqlgen's resolver of a type's field given obj does, its queryResolver does not", async () => {
    const f = await joined({
      'src/main/java/shop/BookController.java': lines(
        'package shop;',
        '@Controller',
        'public class BookController {',
        '  private final ReviewRepository reviews;',
        '  @QueryMapping',
        '  public List<Book> books() { return bookRepository.findTop20ByOrderById(); }',
        '  @SchemaMapping(typeName = "Book")',
        '  public List<Review> reviews(Book book) { return reviews.findByBookId(book.getId()); }',
        '  @SchemaMapping(typeName = "Query", field = "book")',
        '  public Book book(@Argument String id) { return bookRepository.findById(id).orElseThrow(); }',
        '  @BatchMapping',
        '  public Map<Book, Author> author(List<Book> books) { return authorRepository.findByBookIdIn(ids(books)); }',
        '  @DgsData(parentType = "Book", field = "publisher")',
        '  public Publisher publisher(DgsDataFetchingEnvironment env) { return publisherRepository.findByBookId(env.getSource()); }',
        '}',
      ),
      'go.mod': 'module github.com/acme/shop\n',
      'graph/schema.resolvers.go': lines(
        'package graph',
        '',
        'func (r *queryResolver) Users(ctx context.Context) ([]*model.User, error) {',
        '\treturn r.db.Query("SELECT id FROM users LIMIT 20")',
        '}',
        '',
        'func (r *userResolver) Posts(ctx context.Context, obj *model.User) ([]*model.Post, error) {',
        '\treturn r.db.Query("SELECT id FROM posts WHERE author_id = $1", obj.ID)',
        '}',
        '',
        'func (r *Resolver) User() generated.UserResolver { return &userResolver{r} }',
        '',
        'type userResolver struct{ *Resolver }',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((h) => h.includes('-in-loop')), [
      'query-in-loop graph/schema.resolvers.go:8:9 r.db.Query [GraphQL field resolver parallel] → POST /graphql',
      'query-in-loop src/main/java/shop/BookController.java:14:71 publisherRepository.findByBookId [GraphQL field resolver parallel] → POST /graphql',
      'query-in-loop src/main/java/shop/BookController.java:8:51 reviews.findByBookId [GraphQL field resolver parallel] → POST /graphql',
    ]);
  });
});
