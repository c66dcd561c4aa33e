import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe("NestJS GraphQL: the path of forRootAsync's factory, also through a helper that makes its options", function () {
  this.timeout(10_000);

  const module = (...factory: string[]) =>
    lines(
      "import { Module } from '@nestjs/common';",
      "import { GraphQLModule } from '@nestjs/graphql';",
      "import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';",
      "import { createOptionsElsewhere } from './options';",
      ...factory,
    );

  it("vendure's helper returning `{ path: '/' + options.apiPath } as ApolloDriverConfig`, and a helper of another module: no route, not /graphql", async () => {
    const f = await joined({
      'src/api/configure-graphql-module.ts': module(
        'export function configureGraphQLModule(getOptions: () => { apiPath: string }) {',
        '  return GraphQLModule.forRootAsync<ApolloDriverConfig>({',
        '    driver: ApolloDriver,',
        '    useFactory: (configService: ConfigService) => {',
        '      return createGraphQLOptions(configService, getOptions());',
        '    },',
        '  });',
        '}',
        'async function createGraphQLOptions(configService: ConfigService, options: { apiPath: string }): Promise<ApolloDriverConfig> {',
        '  const built = await buildSchema();',
        '  return {',
        "    path: '/' + options.apiPath,",
        '    typeDefs: built,',
        '  } as ApolloDriverConfig;',
        '}',
      ),
      'src/other.module.ts': module(
        '@Module({',
        '  imports: [GraphQLModule.forRootAsync<ApolloDriverConfig>({ driver: ApolloDriver, useFactory: () => createOptionsElsewhere() })],',
        '})',
        'export class OtherModule {}',
      ),
    });
    assert.deepEqual(routeRows(f), []);
  });

  it('a helper of the file that writes a path, or none (the default /graphql), named or called by the factory', async () => {
    const f = await joined({
      'src/a.module.ts': module(
        'function createOptions(): ApolloDriverConfig {',
        "  return { path: '/api/graphql', autoSchemaFile: true };",
        '}',
        '@Module({',
        '  imports: [GraphQLModule.forRootAsync<ApolloDriverConfig>({ driver: ApolloDriver, useFactory: async () => await createOptions() })],', // 8
        '})',
        'export class AModule {}',
      ),
      'src/b.module.ts': module(
        'const gqlOptions = () => ({ autoSchemaFile: true, sortSchema: true });',
        '@Module({',
        '  imports: [GraphQLModule.forRootAsync<ApolloDriverConfig>({ driver: ApolloDriver, useFactory: gqlOptions })],', // 6
        '})',
        'export class BModule {}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/api/graphql', 'src/a.module.ts', 8, 'graphql'],
      ['POST', '/graphql', 'src/b.module.ts', 6, 'graphql'],
    ]);
  });
});
