import assert from 'node:assert/strict';
import type { FileSystem } from '../../../src/core/host/fileSystem';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';

function memoryFs(files: Record<string, string>): FileSystem {
  return {
    readText: async (f) => {
      if (!(f in files)) throw new Error(`ENOENT ${f}`);
      return files[f];
    },
    listFiles: async () => Object.keys(files).sort(),
  };
}

/**
 * fides' shape: Compose runs `ethyca/fides:local`, named like the workspace, whose root builds the app; a docs site's
 * `docs/fides/Dockerfile` only extends an upstream image. The service is the root's code, not the docs folder.
 */
describe('an image named like the workspace, beside a code-less folder of that name', () => {
  const files: Record<string, string> = {
    'docker-compose.yml': ['services:', '  shop:', '    image: acme/shop:local', '  docs:', '    build:', '      context: .', '      dockerfile: docs/shop/Dockerfile', ''].join('\n'),
    Dockerfile: 'FROM python:3.12\nWORKDIR /shop\nCOPY . .\nRUN pip install .\n',
    'pyproject.toml': '[project]\nname = "shop"\n',
    'src/shop/main.py': 'print(1)\n',
    'docs/shop/Dockerfile': 'FROM squidfunk/mkdocs-material:9\nCOPY index.md /docs/\n',
    'docs/shop/index.md': '# Shop\n',
  };
  const roots = async (f: Record<string, string>) => (await buildEnvironmentModel({ ...memoryFs(f), rootName: 'shop' }, Object.keys(f).sort())).services.find((s) => s.name === 'shop')?.codeRoots.map((l) => l.root);

  it('links the root, which holds a Dockerfile and code', async () => {
    assert.deepEqual(await roots(files), ['.']);
  });

  it('still links the folder when it holds code, or the root builds nothing', async () => {
    assert.deepEqual(await roots({ ...files, 'docs/shop/app.py': 'print(1)\n' }), ['docs/shop']);
    const noRootBuild = { ...files };
    delete noRootBuild.Dockerfile;
    assert.deepEqual(await roots(noRootBuild), ['docs/shop']);
  });
});
