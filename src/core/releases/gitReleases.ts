import { type CommitNode, defaultBranchOf, type GitRef, readCommits, readRefs } from './gitHistory';
import { compareVersions, finalVersion, nextPatch, sameMinor, versionOfBranch, versionOfTag } from './versions';

/** A release as git alone shows it: a tag, a release branch, or the unreleased commits of the default branch. */
export interface GitRelease {
  id: string;
  kind: 'tag' | 'branch' | 'next';
  /** Undefined for `next`: its version comes from the schedule or is proposed by the timeline. */
  version?: string;
  ref: { name: string; commit: string };
  /** Tag date (Unix seconds). */
  time?: number;
  /** Hashes, newest first. */
  commits: string[];
  /** The nearest earlier release this one contains: what it is compared with. */
  base?: { id: string; commit: string };
}

export interface GitReleases {
  releases: GitRelease[];
  graph: Map<string, CommitNode>;
  defaultBranch?: string;
  /** Pre-release tags by the final version they lead to. */
  candidates: Map<string, string[]>;
  /** Tags that are not semantic versions, counted so the log can say why they are not releases. */
  ignoredTags: number;
}

export interface GitReleaseOptions {
  /** Only tags starting with this are releases (monorepos: `orders/`). */
  tagPrefix?: string;
  /** The branch the next release is cut from; found from origin/HEAD, main, master… when absent. */
  defaultBranch?: string;
}

/**
 * Reads releases from git in two calls (refs, then one `git log` of every release tip) and gives each commit to
 * the first release that contains it, in version order: a tag carries what no earlier tag has, a release branch
 * what no tag has, and `next` what is on the default branch and in no release yet.
 */
export async function readGitReleases(dir: string, opts: GitReleaseOptions = {}): Promise<GitReleases> {
  const refs = await readRefs(dir);
  const candidates = new Map<string, string[]>();
  const finals = new Map<string, GitRef>();
  let ignoredTags = 0;
  for (const r of refs.filter((x) => x.kind === 'tag')) {
    const v = versionOfTag(r.name, opts.tagPrefix);
    if (!v) {
      ignoredTags++;
      continue;
    }
    if (v.prerelease) {
      const key = finalVersion(v.version);
      candidates.set(key, [...(candidates.get(key) ?? []), r.name]);
    } else if (!finals.has(v.version) || r.name.startsWith('v')) {
      // `v1.2.0` and `1.2.0` on the same release: one release, named as most projects write it.
      finals.set(v.version, r);
    }
  }
  const tags = [...finals.entries()].sort(([a], [b]) => compareVersions(a, b));

  // Release branches, one per name (the local branch where both exist: it is where the team works).
  const branches = new Map<string, { ref: GitRef; version: string }>();
  for (const r of refs.filter((x) => x.kind !== 'tag' && !x.symref)) {
    const short = r.kind === 'remote' ? r.name.replace(/^[^/]+\//, '') : r.name;
    const version = versionOfBranch(short);
    if (!version) continue;
    if (!branches.has(short) || r.kind === 'branch') branches.set(short, { ref: r, version });
  }
  const def = await defaultBranchOf(dir, refs, opts.defaultBranch);
  const tips = [...tags.map(([, r]) => r.commit), ...[...branches.values()].map((b) => b.ref.commit), ...(def ? [def.commit] : [])];
  const graph = await readCommits(dir, tips);

  const owner = new Map<string, number>();
  const releases: GitRelease[] = [];
  const claim = (tip: string): { commits: string[]; boundary: Set<number> } => {
    const index = releases.length;
    const commits: string[] = [];
    const boundary = new Set<number>();
    const stack = [tip];
    while (stack.length) {
      const h = stack.pop()!;
      const o = owner.get(h);
      if (o !== undefined) {
        if (o !== index) boundary.add(o);
        continue;
      }
      const node = graph.get(h);
      if (!node) continue; // beyond a shallow clone's edge
      owner.set(h, index);
      commits.push(h);
      for (const p of node.parents) stack.push(p);
    }
    commits.sort((a, b) => graph.get(b)!.time - graph.get(a)!.time);
    return { commits, boundary };
  };
  const add = (r: Omit<GitRelease, 'commits' | 'base'>): GitRelease => {
    const { commits, boundary } = claim(r.ref.commit);
    // The latest release processed (highest version) among those it reaches is the one it follows.
    const b = Math.max(-1, ...boundary);
    const release: GitRelease = { ...r, commits, base: b >= 0 ? { id: releases[b].id, commit: releases[b].ref.commit } : undefined };
    releases.push(release);
    return release;
  };

  for (const [version, ref] of tags) add({ id: version, kind: 'tag', version, ref: { name: ref.name, commit: ref.commit }, time: ref.time });

  const sortedBranches = [...branches.entries()].sort(([, a], [, b]) => compareVersions(a.version, b.version));
  for (const [name, { ref, version }] of sortedBranches) {
    const shipped = tags.filter(([v]) => sameMinor(v, version)).map(([v]) => v);
    // A branch whose minor already shipped carries its next patch, if it holds anything not yet tagged.
    const v = shipped.length ? nextPatch(shipped[shipped.length - 1]) : version;
    if (finals.has(v) || releases.some((r) => r.version === v)) continue;
    const r = add({ id: v, kind: 'branch', version: v, ref: { name, commit: ref.commit } });
    if (!r.commits.length) releases.pop();
  }
  if (def) {
    const r = add({ id: 'next', kind: 'next', ref: { name: def.name, commit: def.commit } });
    if (!r.commits.length) releases.pop();
  }
  return { releases, graph, defaultBranch: def?.name, candidates, ignoredTags };
}
