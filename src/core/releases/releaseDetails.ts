import { serviceForFile, type EnvironmentModel } from '../model/environment';
import { type CommitDetail, type CommitNode, readCommitDetails } from './gitHistory';
import type { Release, ReleasePullRequest, ServiceTouch } from './release';

/** `Merge pull request #12 from o/branch` (GitHub), `Title (#12)` (squash), `See merge request g/p!12` (GitLab body). */
export function pullRequestOf(subject: string, body = ''): { number: number; title?: string; merge: boolean } | undefined {
  const merge = /^Merge pull request #(\d+) from \S+/.exec(subject);
  if (merge) return { number: Number(merge[1]), merge: true };
  const gitlab = /See merge request [^\s!]+!(\d+)/.exec(body);
  if (gitlab && /^Merge branch /.test(subject)) return { number: Number(gitlab[1]), merge: true };
  const squash = /^(.*\S)\s+\(#(\d+)\)$/.exec(subject);
  if (squash) return { number: Number(squash[2]), title: squash[1], merge: false };
  return undefined;
}

/**
 * Fills in what an upcoming release carries: each commit's files and services (through the environment model),
 * its pull requests (merge commits with the commits they brought, squash merges), and the services it touches.
 */
export async function addReleaseDetails(dir: string, releases: Release[], graph: Map<string, CommitNode>, model: EnvironmentModel | undefined): Promise<void> {
  const hashes = releases.flatMap((r) => r.commits.map((c) => c.hash));
  if (!hashes.length) return;
  const details = await readCommitDetails(dir, hashes);
  for (const r of releases) fillRelease(r, details, graph, model);
}

function fillRelease(r: Release, details: Map<string, CommitDetail>, graph: Map<string, CommitNode>, model: EnvironmentModel | undefined): void {
  const inRelease = new Set(r.commits.map((c) => c.hash));
  const prs = new Map<number, ReleasePullRequest>();
  for (const c of r.commits) {
    const d = details.get(c.hash);
    c.files = d?.files ?? [];
    c.services = model ? [...new Set(c.files.map((f) => serviceForFile(model, f)?.name).filter((s): s is string => !!s))].sort() : [];
    const pr = pullRequestOf(c.subject, d?.body);
    if (!pr) continue;
    const title = pr.title ?? (d?.bodyFirstLine || c.subject);
    const entry: ReleasePullRequest = prs.get(pr.number) ?? { number: pr.number, title, commits: [], services: [] };
    prs.set(pr.number, entry);
    c.pullRequest = pr.number;
    entry.commits.push(c.hash);
    const node = graph.get(c.hash);
    if (pr.merge && node && node.parents.length > 1) {
      // The commits a merge brought: reachable from its second parent but not its first, within this release.
      const mainline = reach([node.parents[0]], inRelease, graph);
      for (const h of reach(node.parents.slice(1), inRelease, graph)) {
        if (mainline.has(h)) continue;
        entry.commits.push(h);
      }
    }
  }
  const byHash = new Map(r.commits.map((c) => [c.hash, c]));
  for (const pr of prs.values()) {
    for (const h of pr.commits) {
      const c = byHash.get(h);
      if (c && c.pullRequest === undefined) c.pullRequest = pr.number;
    }
    pr.services = [...new Set(pr.commits.flatMap((h) => byHash.get(h)?.services ?? []))].sort();
  }
  r.pullRequests = [...prs.values()].sort((a, b) => b.number - a.number);
  const touch = new Map<string, number>();
  for (const c of r.commits) for (const s of c.services ?? []) touch.set(s, (touch.get(s) ?? 0) + 1);
  r.services = [...touch.entries()].map(([name, commits]): ServiceTouch => ({ name, commits })).sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}

function reach(from: string[], within: Set<string>, graph: Map<string, CommitNode>): Set<string> {
  const seen = new Set<string>();
  const stack = from.filter((h) => within.has(h));
  while (stack.length) {
    const h = stack.pop()!;
    if (seen.has(h)) continue;
    seen.add(h);
    for (const p of graph.get(h)?.parents ?? []) if (within.has(p) && !seen.has(p)) stack.push(p);
  }
  return seen;
}
