import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * ghostfolio: `for (const dataProviderService of this.getDataProviderServices())` beside the injected
 * `dataProviderService: DataProviderService`. The loop's variable is a provider of the list, not the service: its call
 * is not the service's method.
 */
describe("TypeScript: a loop's variable named as a field of the class", () => {
  it("is not the field's class; the field itself, through this, still is", async () => {
    const f = await joined({
      'src/data-provider.service.ts': lines(
        "import { Injectable } from '@nestjs/common';",
        "import { PrismaClient } from '@prisma/client';",
        '',
        '@Injectable()',
        'export class DataProviderService {',
        '  private prisma = new PrismaClient();',
        '',
        '  public async getHistorical(symbol: string) {',
        '    return this.prisma.marketData.findMany({ where: { symbol }, take: 100 });',
        '  }',
        '',
        '  public getProviders(): DataProviderInterface[] {',
        '    return [];',
        '  }',
        '}',
      ),
      'src/quotes.controller.ts': lines(
        "import { Controller, Get, Param, Query } from '@nestjs/common';",
        "import { DataProviderService } from './data-provider.service';",
        '',
        "@Controller('quotes')",
        'export class QuotesController {',
        '  public constructor(private readonly dataProviderService: DataProviderService) {}',
        '',
        "  @Get(':symbol')",
        "  public async get(@Param('symbol') symbol: string) {",
        '    const results = [];',
        '    for (const dataProviderService of this.dataProviderService.getProviders()) {',
        '      results.push(await dataProviderService.getHistorical(symbol));',
        '    }',
        '    return results;',
        '  }',
        '',
        "  @Get('')",
        "  public async many(@Query('symbols') symbols: string[]) {",
        '    const results = [];',
        '    for (const symbol of symbols) {',
        '      results.push(await this.dataProviderService.getHistorical(symbol));', // 21
        '    }',
        '    return results;',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      ['query-in-loop src/quotes.controller.ts:21:26 this.dataProviderService.getHistorical → this.prisma.marketData.findMany [for…of sequential] → GET /quotes'],
    );
  });
});
