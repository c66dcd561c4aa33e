import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("NestJS's HttpService (@nestjs/axios)", () => {
  const service = lines(
    "import { Injectable } from '@nestjs/common';",
    "import { HttpService } from '@nestjs/axios';",
    "import { firstValueFrom } from 'rxjs';",
    '@Injectable()',
    'export class ContributorsService {',
    '  constructor(private readonly httpService: HttpService) {}',
    '  github() {',
    "    return this.httpService.axiosRef.get('https://api.github.com/repos/o/r/contributors');",
    '  }',
    '  crowdin() {',
    "    return firstValueFrom(this.httpService.get('https://api.crowdin.com/api/v2/projects/1/members'));",
    '  }',
    '  limited() {',
    "    return firstValueFrom(this.httpService.get('https://api.crowdin.com/x', { timeout: 2000 }));",
    '  }',
    '}',
  );
  const moduleFile = (imports: string) => lines("import { Module } from '@nestjs/common';", "import { HttpModule } from '@nestjs/axios';", `@Module({ imports: [${imports}] })`, 'export class AppModule {}');

  it("is axios with no timeout (reactive-resume's contributors): its calls say so, unless given one", async () => {
    const f = await joined({ 'src/contributors.service.ts': service, 'src/app.module.ts': moduleFile('HttpModule') });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/contributors.service.ts:11:27 this.httpService.get → -',
      'missing-timeout src/contributors.service.ts:8:12 this.httpService.axiosRef.get → -',
    ]);
  });

  it('has the timeout HttpModule.register gives it, in any module of the service (also after nested options, or from a factory with a body)', async () => {
    for (const options of [
      'HttpModule.register({ timeout: 5000, maxRedirects: 5 })',
      "HttpModule.register({ headers: { 'User-Agent': 'my-app' }, timeout: 5000 })",
      "HttpModule.registerAsync({ useFactory: async (c) => { const s = c.get('HTTP_TIMEOUT'); return { timeout: s * 1000 }; } })",
    ]) {
      const f = await joined({ 'src/contributors.service.ts': service, 'src/app.module.ts': moduleFile(options) });
      assert.deepEqual(hazardRows(f), [], options);
    }
  });

  it("is not given one by a queue's timeout beside it in the module's imports (review)", async () => {
    const f = await joined({ 'src/contributors.service.ts': service, 'src/app.module.ts': moduleFile("HttpModule.register({ maxRedirects: 5 }), BullModule.registerQueue({ name: 'mail', defaultJobOptions: { timeout: 30000 } })") });
    assert.equal(hazardRows(f).length, 2);
  });

  it("is not given one by a timeout after the module, in a constant of the file (review)", async () => {
    const module = lines(
      "import { Module } from '@nestjs/common';",
      "import { HttpModule } from '@nestjs/axios';",
      "@Module({ imports: [HttpModule.registerAsync({ useFactory: (config) => ({ baseURL: config.get('URL') }), inject: [ConfigService] })] })",
      'export class AppModule {}',
      'export const queueDefaults = { attempts: 3, timeout: 30000 };',
    );
    const f = await joined({ 'src/contributors.service.ts': service, 'src/app.module.ts': module });
    assert.equal(hazardRows(f).length, 2);
  });
});
