import * as assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

// Go: a field named like a client (`Workers.Client`) whose declared type is a struct of the workspace's own, generic
// (gotosocial's in-process `MsgWorkerPool[*Msg]`), is no remote client: its function field and its in-memory queue
// are the workspace's code. A field of the name typed by an interface (a gRPC stub's) still is one.
const WORKSPACES: Record<string, Record<string, string>> = {
  "worker-pool": {
    "go.mod": "module example.com/gts\n\ngo 1.22\n",
    "internal/processing/delete.go": "// Trimmed from gotosocial internal/processing/account/{delete,import}.go\npackage processing\n\nimport (\n\t\"context\"\n\n\t\"example.com/gts/internal/workers\"\n)\n\ntype State struct{ Workers workers.Workers }\n\ntype Processor struct{ state *State }\n\nfunc (p *Processor) DeleteFollows(ctx context.Context, ids []string) {\n\tfor _, id := range ids {\n\t\t_ = p.state.Workers.Client.Process(ctx, &workers.Msg{ID: id})\n\t}\n\tfor _, id := range ids {\n\t\t_ = p.state.Workers.Federator.Process(ctx, &workers.Msg{ID: id})\n\t}\n}\n\nfunc (p *Processor) QueueFollows(ctx context.Context, ids []string) {\n\tfor _, id := range ids {\n\t\tp.state.Workers.Client.Queue.Push(&workers.Msg{ID: id})\n\t}\n}\n",
    "internal/queue/simple.go": "package queue\n\ntype SimpleQueue[T any] struct{ items []T }\n\nfunc (q *SimpleQueue[T]) Push(values ...T) { q.items = append(q.items, values...) }\n",
    "internal/workers/workers.go": "// Trimmed from gotosocial internal/workers/{workers,worker_msg}.go: in-process worker pools.\npackage workers\n\nimport (\n\t\"context\"\n\n\t\"example.com/gts/internal/queue\"\n)\n\ntype MsgWorkerPool[Msg any] struct {\n\t// Process handles queued message types.\n\tProcess func(context.Context, Msg) error\n\t// Queue is an in-memory queue.\n\tQueue queue.SimpleQueue[Msg]\n}\n\ntype Msg struct{ ID string }\n\ntype Workers struct {\n\t// Client: a worker pool for side effects of the client API.\n\tClient    MsgWorkerPool[*Msg]\n\tFederator MsgWorkerPool[*Msg]\n}\n"
  },
  "grpc-field": {
    "go.mod": "module example.com/svc\n\ngo 1.22\n\nrequire google.golang.org/grpc v1.60.0\n",
    "internal/pb/user.go": "package pb\n\nimport (\n\t\"context\"\n\n\t\"google.golang.org/grpc\"\n)\n\ntype User struct{ ID string }\n\ntype UserServiceClient interface {\n\tGetUser(ctx context.Context, id string, opts ...grpc.CallOption) (*User, error)\n}\n",
    "internal/app/app.go": "package app\n\nimport (\n\t\"context\"\n\n\t\"example.com/svc/internal/pb\"\n)\n\ntype Deps struct {\n\tClient pb.UserServiceClient\n}\n\ntype App struct{ deps *Deps }\n\nfunc (a *App) Users(ctx context.Context, ids []string) {\n\tfor _, id := range ids {\n\t\t_, _ = a.deps.Client.GetUser(ctx, id)\n\t}\n}\n"
  }
};

describe('Go: a client-named field of a workspace struct type is no remote client', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('go-own-client-fields', WORKSPACES);
  const rows = async (name: string) => (await analyse(name)).warnings.map((w) => `${w.code} ${w.file}:${w.range.start.line + 1}`);

  it("a worker pool's function field and queue, through a field named Client, are not calls in a loop", async () => {
    assert.deepEqual(await rows('worker-pool'), []);
  });

  it('a field named Client of a gRPC client interface is still a remote call per item', async () => {
    assert.deepEqual(await rows('grpc-field'), ['call-in-loop internal/app/app.go:17']);
  });
});
