import assert from 'node:assert/strict';
import { servicesForFile } from '../../../src/core/model/environment';
import { writtenWorkspaces } from './writtenWorkspaces';

/**
 * new-api's website/: a Next.js app (`output: "standalone"`) whose Dockerfile builds the whole folder in one stage
 * (`COPY . .`, `bun run build`) and copies into the runner the build's `.next/standalone` and `.next/static` and the
 * app's `public/` static assets, which hold browser scripts (`public/assets/track.js`). The image runs the Next server
 * built from the whole folder: the service's code is website/, not its static-assets folder.
 */
const compose = ['services:', '  website:', '    build:', '      context: .', '      dockerfile: Dockerfile', '    ports:', '      - "4000:4000"', ''].join('\n');
const nextDockerfile = [
  'FROM oven/bun:1 AS builder',
  'WORKDIR /app',
  'COPY . .',
  'RUN bun install && bun run build',
  'FROM node:24-alpine AS runner',
  'WORKDIR /app',
  'COPY --from=builder /app/public ./public',
  'COPY --from=builder /app/.next/standalone ./',
  'COPY --from=builder /app/.next/static ./.next/static',
  'CMD ["node", "server.js"]',
  '',
].join('\n');
const route = ['export async function GET() {', '  return Response.json({ ok: true });', '}', ''].join('\n');
const goRoot = {
  'Dockerfile': 'FROM golang:1.23 AS b\nWORKDIR /build\nCOPY . .\nRUN go build -o /new-api .\nFROM alpine\nCOPY --from=b /new-api /new-api\nENTRYPOINT ["/new-api"]\n',
  'docker-compose.yml': 'services:\n  new-api:\n    build: .\n    ports:\n      - "3000:3000"\n',
  'go.mod': 'module example.com/newapi\n\ngo 1.23\n',
  'main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.HandleFunc("/api/status", func(w http.ResponseWriter, r *http.Request) {})\n\thttp.ListenAndServe(":3000", nil)\n}\n',
};
const website = (dockerfile: string) => ({
  'website/docker-compose.yml': compose,
  'website/Dockerfile': dockerfile,
  'website/package.json': '{"name":"site","scripts":{"build":"next build"},"dependencies":{"next":"16.2.9"}}\n',
  'website/next.config.ts': 'export default { output: "standalone" };\n',
  'website/src/app/api/rankings/route.ts': route,
  'website/public/assets/track.js': '(function(){ window.track = function (n) { navigator.sendBeacon("/api/track", n); }; })();\n',
});

describe("a Next.js app's public/ folder is not the code of the image that builds the app", function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('next-public', {
    nextApp: { ...goRoot, ...website(nextDockerfile) },
    // A Dockerfile that copies only prebuilt static files from public/ (nothing built from the folder): that folder is what it serves.
    publicOnly: { ...goRoot, ...website(['FROM nginx:alpine', 'COPY public /usr/share/nginx/html', ''].join('\n')) },
  });
  const summary = async (name: string) => {
    const { model, files } = await analyse(name);
    return model.services
      .filter((s) => s.codeRoots.length)
      .map((s) => {
        const routes = files.filter((a) => servicesForFile(model, a.file, { registersRoutes: a.routes.length > 0 }).includes(s)).flatMap((a) => a.routes.map((r) => `${r.method} ${r.path} ${r.file}:${r.declaration.start.line + 1}`));
        return `${s.name} → ${s.codeRoots.map((l) => l.root).join(', ')}: ${routes.sort().join('; ')}`;
      })
      .sort();
  };

  it('new-api website: website → website with its app route, not website/public (the root Go service keeps only its own)', async () => {
    assert.deepEqual(await summary('nextApp'), ['new-api → .: ANY /api/status main.go:6', 'website → website: GET /api/rankings website/src/app/api/rankings/route.ts:1']);
  });

  it('an image that copies only public/ still takes its files from there', async () => {
    const { model } = await analyse('publicOnly');
    assert.deepEqual(
      model.services.find((s) => s.name === 'website')!.codeRoots.map((l) => l.root),
      ['website/public'],
    );
  });
});
