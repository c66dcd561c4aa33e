import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inSkippedDirectory, NodeFileSystem } from '../../../src/core/host/nodeFileSystem';

/**
 * Jpom's `org.dromara.jpom.controller.build` package held 33 routes, left out as if it were build output. In a JVM
 * source tree a folder is a package, whatever its name; elsewhere `build/`, `out/`, `target/` are still skipped.
 */
describe('folders named like build output inside a JVM source tree', () => {
  let dir = '';
  const write = (file: string) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), 'x\n');
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ops-lens-jvm-packages-'));
    write('src/main/java/com/ex/build/BuildController.java');
    write('server/src/main/kotlin/com/ex/out/Export.kt');
    write('src/test/java/com/ex/target/TargetTest.java');
    write('build/classes/com/ex/BuildController.class');
    write('build/generated/Gen.java');
    write('target/generated-sources/Gen.java');
    write('web/dist/app.js');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('are listed as packages; the same names outside one are skipped', async () => {
    const files = await new NodeFileSystem(dir).listFiles();
    assert.deepEqual(files, ['server/src/main/kotlin/com/ex/out/Export.kt', 'src/main/java/com/ex/build/BuildController.java', 'src/test/java/com/ex/target/TargetTest.java']);
  });

  it('are not in a skipped folder for the editor watching the disk either', () => {
    assert.equal(inSkippedDirectory('src/main/java/com/ex/build/BuildController.java'), false);
    assert.equal(inSkippedDirectory('src/main/java/com/ex/build'), false);
    assert.equal(inSkippedDirectory('build/generated/Gen.java'), true);
    assert.equal(inSkippedDirectory('app/node_modules/pkg/index.js'), true);
    // A build folder above the source tree is still build output.
    assert.equal(inSkippedDirectory('build/src/main/java/Gen.java'), true);
  });
});
