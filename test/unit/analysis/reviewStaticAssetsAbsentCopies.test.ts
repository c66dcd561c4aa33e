import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

/**
 * Counter-examples to "a Next.js app's public/ folder is not the code of the image that builds the app"
 * (nextStaticAssetsFolder.test.ts): an nginx image built from the repository's root (`web.Dockerfile`, `COPY public
 * /usr/share/nginx/html`) that also copies a path the workspace does not hold (git-ignored `certs/`, `.htpasswd`)
 * serves public/: a path copied from the context that is merely absent is no build's output. Only what a stage built
 * from the whole context (`COPY . .`, a `RUN`) and the image takes with `COPY --from` makes the whole folder the code.
 */
const api = {
  'server/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n',
  'server/index.js': "const express = require('express');\nconst app = express();\napp.get('/api/items', async (req, res) => res.json(await fetch('https://example.com/items')));\napp.listen(process.env.PORT);\n",
  'server/package.json': '{"name":"api","dependencies":{"express":"4"},"scripts":{"start":"node index.js"}}\n',
  'public/index.html': '<html></html>\n',
  'public/js/track.js': 'window.track = function(n){ fetch("/api/track", {method:"POST", body:n}); };\n',
  'docker-compose.yml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: web.Dockerfile\n    ports: ["80:80"]\n  api:\n    build: ./server\n    ports: ["3000:3000"]\n    environment:\n      - PORT=3000\n',
};

describe('a static-assets image copying a path the workspace lacks still serves its public/ folder', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('static-absent-copies', {
    certs: { ...api, 'web.Dockerfile': 'FROM nginx:alpine\nCOPY public /usr/share/nginx/html\nCOPY certs /etc/nginx/certs\n' },
    htpasswd: { ...api, 'web.Dockerfile': 'FROM nginx:alpine\nCOPY public /usr/share/nginx/html\nCOPY .htpasswd /etc/nginx/.htpasswd\n' },
    // A stage that copied only public/ and ran a command in it (no build of the whole context): still public/.
    gzipped: {
      ...api,
      'web.Dockerfile': 'FROM alpine AS gz\nWORKDIR /site\nCOPY public ./public\nRUN gzip -rk public\nFROM nginx:alpine\nCOPY --from=gz /site/public /usr/share/nginx/html\nCOPY --from=gz /site/public-gz /usr/share/nginx/gz\nCOPY certs /etc/nginx/certs\n',
    },
  });
  const roots = async (name: string) =>
    (await analyse(name)).model.services
      .filter((s) => s.codeRoots.length)
      .map((s) => `${s.name} → ${s.codeRoots.map((l) => l.root).join(', ')}`)
      .sort();

  it("COPY certs (git-ignored) beside COPY public: web → public, api → server", async () => {
    assert.deepEqual(await roots('certs'), ['api → server', 'web → public']);
  });

  it('COPY .htpasswd (git-ignored) beside COPY public: web → public', async () => {
    assert.deepEqual(await roots('htpasswd'), ['api → server', 'web → public']);
  });

  it('a stage that copies only public/ and runs a command there is no build of the whole folder: web → public', async () => {
    assert.deepEqual(await roots('gzipped'), ['api → server', 'web → public']);
  });
});
