import { countdown, freezeText, shortDate } from './calendar';
import type { Release, ReleaseCommit } from './release';
import { riskText } from './risk';

/** How many commits a brief lists per service before it says "and N more": a brief is read, not scrolled. */
const COMMITS_PER_SERVICE = 25;

/**
 * The ops brief of a release, in Markdown: what changes and where, when, its risk with the evidence behind each
 * warning, and the capacity requests riding with it. Generated from the timeline only, so it says exactly
 * what the Releases view shows.
 */
export function releaseBrief(r: Release, opts: { workspaceName?: string } = {}): string {
  const out: string[] = [];
  out.push(`# Ops brief: ${r.version}${r.name ? ` · ${esc(r.name)}` : ''}${r.versionProposed ? ' (proposed version)' : ''}`, '');
  if (opts.workspaceName) out.push(`*${esc(opts.workspaceName)}*`, '');
  out.push(...facts(r).map(([k, v]) => `- **${k}:** ${v}`), '');
  if (r.notes) out.push(...r.notes.trim().split('\n').map((l) => `> ${l}`), '');

  out.push(`## Ops risk: ${riskText(r.risk)}`, '');
  if (!r.risk) out.push(r.status === 'past' ? '_Shipped: past releases are not analysed._' : '_Not computed._', '');
  else {
    if (r.risk.note) out.push(`_${esc(r.risk.note)}._`, '');
    if (r.risk.warnings.length) {
      out.push('| Severity | Warning | Where | Service | Route |', '|---|---|---|---|---|');
      for (const { warning: w } of r.risk.warnings) {
        out.push(`| ${w.severity} | \`${w.code}\` | \`${cell(w.file)}:${w.range.start.line + 1}\` | ${cell(w.service ?? '')} | ${cell(w.route ?? '')} |`);
      }
      out.push('', '### Evidence', '');
      for (const { warning: w } of r.risk.warnings) {
        out.push(`- **${w.code}** at \`${w.file}:${w.range.start.line + 1}\`: ${oneLine(w.message)}`);
        if (w.estimate) out.push(`  - Estimate: ${oneLine(w.estimate)}`);
        const e = w.evidence;
        if (e.requestRate) out.push(`  - Request rate ${fmt(e.requestRate.value)} req/s: \`${cell(e.requestRate.query)}\``);
        if (e.p95Seconds) out.push(`  - p95 ${Math.round(e.p95Seconds.value * 1000)} ms: \`${cell(e.p95Seconds.query)}\``);
        if (e.autoscaler) out.push(`  - Autoscaler ${e.autoscaler.name}: ${e.autoscaler.current.value}/${e.autoscaler.max.value} replicas`);
        if (e.cpu?.ratio !== undefined) out.push(`  - CPU at ${Math.round(e.cpu.ratio * 100)}% of request`);
        out.push(`  - Why ${w.severity}: ${oneLine(e.severityReason)}${e.source ? ` (source: ${esc(e.source)}${e.evaluatedAt ? `, at ${new Date(e.evaluatedAt * 1000).toISOString()}` : ''})` : ''}`);
      }
    } else out.push('No Ops Lens warning on the lines this release changes.');
    out.push('');
  }

  out.push(`## What changes: ${plural(r.commits.length, 'commit')}${r.pullRequests.length ? `, ${plural(r.pullRequests.length, 'pull request')}` : ''}`, '');
  if (!r.commits.length) out.push(r.ref ? '_Nothing yet._' : '_Nothing in git carries this version yet._', '');
  else if (r.status === 'past') {
    for (const c of r.commits.slice(0, COMMITS_PER_SERVICE)) out.push(commitLine(c));
    if (r.commits.length > COMMITS_PER_SERVICE) out.push(`- … and ${r.commits.length - COMMITS_PER_SERVICE} more`);
    out.push('');
  } else {
    for (const [service, commits] of byService(r)) {
      out.push(`### ${service ?? 'No service'} (${plural(commits.length, 'commit')})`, '');
      const prs = r.pullRequests.filter((p) => commits.some((c) => c.pullRequest === p.number));
      for (const p of prs) out.push(`- #${p.number} ${esc(p.title)} (${plural(p.commits.length, 'commit')})`);
      const loose = commits.filter((c) => c.pullRequest === undefined);
      for (const c of loose.slice(0, COMMITS_PER_SERVICE)) out.push(commitLine(c));
      if (loose.length > COMMITS_PER_SERVICE) out.push(`- … and ${loose.length - COMMITS_PER_SERVICE} more`);
      out.push('');
    }
  }

  if (r.status === 'upcoming') {
    out.push('## Services touched', '');
    if (!r.services.length) out.push('_None that the environment model knows of._', '');
    else {
      out.push('| Service | Commits | Warnings |', '|---|---|---|');
      for (const s of r.services) {
        const ws = r.risk?.warnings.filter((w) => w.warning.service === s.name) ?? [];
        out.push(`| ${cell(s.name)} | ${s.commits} | ${ws.length ? ws.map((w) => w.warning.severity).join(', ') : '—'} |`);
      }
      out.push('');
    }
  }

  out.push('## Capacity requests riding with it', '');
  if (!r.changeRequests.length) out.push('_None._', '');
  else {
    for (const c of r.changeRequests) {
      const bits = [c.service, c.environment, c.summary, c.status].filter(Boolean).map((b) => esc(b!));
      out.push(`- [${esc(c.title)}](${encodeURI(c.file)})${bits.length ? `: ${bits.join(' · ')}` : ''}`);
    }
    out.push('');
  }
  const from = [r.ref ? 'git' : '', r.sources.includes('schedule') ? 'the schedule' : '', r.sources.some((s) => s === 'milestone' || s === 'draft') ? 'GitHub' : ''].filter(Boolean);
  out.push('---', `_Generated by Ops Lens from ${from.join(', ') || 'the release plans'}._`, '');
  return out.join('\n');
}

function facts(r: Release): [string, string][] {
  const f: [string, string][] = [];
  f.push(['Ships', r.date ? `${shortDate(r.date)} (${countdown(r.daysUntil ?? 0)})` : r.status === 'past' ? 'shipped' : 'no date planned']);
  if (r.freeze) f.push(['Freeze', `${r.freeze.from}${r.freeze.to ? ` to ${r.freeze.to}` : ''}: ${freezeText(r.freeze)}`]);
  if (r.environments.length) f.push(['Environments', r.environments.map(esc).join(' → ')]);
  if (r.owner) f.push(['Owner', esc(r.owner)]);
  if (r.ref) f.push(['Git', `\`${r.ref.name}\` at \`${r.ref.commit.slice(0, 10)}\`${r.base ? `, compared with ${r.base.id} (\`${r.base.commit.slice(0, 10)}\`)` : ''}`]);
  if (r.candidates.length) f.push(['Candidates', r.candidates.map((c) => `\`${c}\``).join(', ')]);
  if (r.scheduleLocation) f.push(['Schedule', `\`${r.scheduleLocation.file}:${r.scheduleLocation.range.start.line + 1}\``]);
  for (const l of r.links) f.push(['Link', `[${esc(l.title)}](${l.url})`]);
  return f;
}

/** Commits by the service they touch (a commit touching two services is listed under both); no service last. */
export function byService(r: Release): [string | undefined, ReleaseCommit[]][] {
  const groups = new Map<string | undefined, ReleaseCommit[]>();
  for (const s of r.services) groups.set(s.name, []);
  for (const c of r.commits) {
    const keys = c.services?.length ? c.services : [undefined];
    for (const k of keys) groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.entries()].filter(([, cs]) => cs.length);
}

/** Two releases side by side: dates, size, services, risk, and the warnings one has and the other does not. */
export function compareBrief(a: Release, b: Release): string {
  const row = (k: string, f: (r: Release) => string) => `| ${k} | ${f(a)} | ${f(b)} |`;
  const out = [`# Compare ${a.version} and ${b.version}`, '', `| | ${a.version}${a.name ? ` · ${cell(a.name)}` : ''} | ${b.version}${b.name ? ` · ${cell(b.name)}` : ''} |`, '|---|---|---|'];
  out.push(row('Status', (r) => r.status));
  out.push(row('Ships', (r) => (r.date ? `${shortDate(r.date)} (${countdown(r.daysUntil ?? 0)})` : '—')));
  out.push(row('Freeze', (r) => (r.freeze ? freezeText(r.freeze) : '—')));
  out.push(row('Git', (r) => (r.ref ? `\`${cell(r.title)}\`` : '—')));
  out.push(row('Commits', (r) => String(r.commits.length)));
  out.push(row('Pull requests', (r) => String(r.pullRequests.length)));
  out.push(row('Services', (r) => r.services.map((s) => cell(s.name)).join(', ') || '—'));
  out.push(row('Ops risk', (r) => riskText(r.risk)));
  out.push(row('Change requests', (r) => String(r.changeRequests.length)));
  out.push('');
  const sa = new Set(a.services.map((s) => s.name));
  const sb = new Set(b.services.map((s) => s.name));
  out.push('## Services', '');
  out.push(`- Both: ${[...sa].filter((s) => sb.has(s)).join(', ') || '—'}`);
  out.push(`- Only ${a.version}: ${[...sa].filter((s) => !sb.has(s)).join(', ') || '—'}`);
  out.push(`- Only ${b.version}: ${[...sb].filter((s) => !sa.has(s)).join(', ') || '—'}`, '');
  const fa = new Set(a.risk?.warnings.map((w) => w.warning.fingerprint) ?? []);
  const fb = new Set(b.risk?.warnings.map((w) => w.warning.fingerprint) ?? []);
  out.push('## Warnings', '');
  const list = (r: Release, other: Set<string>, label: string) => {
    const only = r.risk?.warnings.filter((w) => !other.has(w.warning.fingerprint)) ?? [];
    out.push(`### ${label}`, '');
    if (!only.length) out.push('_None._');
    for (const { warning: w } of only) out.push(`- ${w.severity} \`${w.code}\` at \`${w.file}:${w.range.start.line + 1}\`${w.service ? ` (${esc(w.service)})` : ''}`);
    out.push('');
  };
  list(a, fb, `Only in ${a.version}`);
  list(b, fa, `Only in ${b.version}`);
  const both = a.risk?.warnings.filter((w) => fb.has(w.warning.fingerprint)) ?? [];
  if (both.length) {
    out.push('### In both', '');
    for (const { warning: w } of both) out.push(`- ${w.severity} \`${w.code}\` at \`${w.file}\``);
    out.push('');
  }
  return out.join('\n');
}

function commitLine(c: ReleaseCommit): string {
  return `- \`${c.hash.slice(0, 8)}\` ${esc(c.subject)} (${esc(c.author)})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

/** Ops Lens's own messages: one line, their `code` spans kept (they are written as Markdown). */
function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

/** Escapes what Markdown would read as markup in text taken from commits and records. */
function esc(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
