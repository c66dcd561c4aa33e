import * as vscode from 'vscode';
import type { Severity } from '../core/insights/warning';
import { byService } from '../core/releases/brief';
import { countdown, freezeText, shortDate } from '../core/releases/calendar';
import type { Release, ReleaseCommit, RiskWarning, Timeline } from '../core/releases/release';
import { riskText } from '../core/releases/risk';
import { SCHEDULE_FILE } from '../core/releases/schedule';
import { COMMANDS } from './commandIds';
import { Disposable } from './disposable';
import type { ReleasesService } from './releasesService';
import { readReleasesSettings } from './releasesSettings';

/** How many commits a node lists before "N more…": a tree is for finding, the brief for reading. */
const MAX_LISTED = 200;

export type ReleaseNode =
  | { kind: 'release'; release: Release }
  | { kind: 'past'; releases: Release[]; total: number }
  | { kind: 'problems'; timeline: Timeline }
  | { kind: 'group'; group: 'risk' | 'changes' | 'services' | 'requests'; release: Release }
  | { kind: 'service'; release: Release; service: string | undefined; commits: ReleaseCommit[] }
  | { kind: 'pullRequest'; release: Release; number: number; service: string | undefined }
  | { kind: 'warning'; release: Release; risk: RiskWarning }
  | { kind: 'leaf'; id: string; label: string; description?: string; tooltip?: string; icon?: string; command?: vscode.Command; contextValue?: string };

const SEVERITY_ICON: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: new vscode.ThemeIcon('info'),
};

/**
 * The Releases view: upcoming releases in date order (countdown, freeze, ops risk), each with its risk (every
 * warning opens its line), its changes by service and pull request, the services it touches and the change
 * requests riding with it; past releases collapsed at the bottom. Fed by ReleasesService's timeline.
 */
export class ReleasesView extends Disposable implements vscode.TreeDataProvider<ReleaseNode> {
  private readonly changed = this.register(new vscode.EventEmitter<ReleaseNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly service: ReleasesService) {
    super();
    this.register(service.onDidChange(() => this.changed.fire(undefined)));
  }

  getChildren(node?: ReleaseNode): ReleaseNode[] {
    const t = this.service.timeline;
    if (!t) return [];
    if (!node) {
      const out: ReleaseNode[] = [];
      if (t.problems.some((p) => p.location && p.severity !== 'info')) out.push({ kind: 'problems', timeline: t });
      const upcoming = t.releases.filter((r) => r.status === 'upcoming');
      out.push(...upcoming.map((release): ReleaseNode => ({ kind: 'release', release })));
      const past = t.releases.filter((r) => r.status === 'past');
      const limit = readReleasesSettings().pastReleases;
      if (past.length && limit > 0) out.push({ kind: 'past', releases: past.slice(0, limit), total: past.length });
      return out;
    }
    switch (node.kind) {
      case 'problems':
        return node.timeline.problems
          .filter((p) => p.location && p.severity !== 'info')
          .map((p, i) => ({
            kind: 'leaf',
            id: `problem:${i}`,
            label: `${p.location!.file}:${p.location!.range.start.line + 1}`,
            description: p.message,
            tooltip: p.message,
            icon: p.severity === 'error' ? 'error' : 'warning',
            command: { title: 'Open', command: COMMANDS.openReleaseLocation, arguments: [{ file: p.location!.file, range: p.location!.range }] },
          }));
      case 'past':
        return node.releases.map((release) => ({ kind: 'release', release }));
      case 'release':
        return this.releaseChildren(node.release);
      case 'group':
        return this.groupChildren(node.release, node.group);
      case 'service': {
        const r = node.release;
        const prs = r.pullRequests.filter((p) => node.commits.some((c) => c.pullRequest === p.number));
        const loose = node.commits.filter((c) => c.pullRequest === undefined);
        return [...prs.map((p): ReleaseNode => ({ kind: 'pullRequest', release: r, number: p.number, service: node.service })), ...commitLeaves(r, loose, `svc:${node.service ?? ''}`)];
      }
      case 'pullRequest': {
        const pr = node.release.pullRequests.find((p) => p.number === node.number);
        const commits = node.release.commits.filter((c) => pr?.commits.includes(c.hash));
        return commitLeaves(node.release, commits, `svc:${node.service ?? ''}:pr:${node.number}`);
      }
      default:
        return [];
    }
  }

  private releaseChildren(r: Release): ReleaseNode[] {
    const leaf = (key: string, label: string, description: string, icon: string, command?: vscode.Command): ReleaseNode => ({ kind: 'leaf', id: `${r.id}:${key}`, label, description, icon, command });
    const out: ReleaseNode[] = [];
    if (r.status === 'past') return commitLeaves(r, r.commits, 'all');
    if (r.date) out.push(leaf('when', 'Ships', `${shortDate(r.date)} · ${countdown(r.daysUntil ?? 0)}`, 'calendar', r.scheduleLocation ? openAt(r.scheduleLocation) : undefined));
    if (r.freeze) out.push(leaf('freeze', 'Freeze', `${r.freeze.from}${r.freeze.to ? ` → ${r.freeze.to}` : ''} · ${freezeText(r.freeze)}`, r.freeze.state === 'frozen' ? 'lock' : 'unlock'));
    if (r.environments.length) out.push(leaf('envs', 'Environments', r.environments.join(' → '), 'server-environment'));
    if (r.owner) out.push(leaf('owner', 'Owner', r.owner, 'person'));
    out.push({ kind: 'group', group: 'risk', release: r });
    out.push({ kind: 'group', group: 'changes', release: r });
    if (r.services.length) out.push({ kind: 'group', group: 'services', release: r });
    out.push({ kind: 'group', group: 'requests', release: r });
    for (const [i, l] of r.links.entries()) out.push(leaf(`link${i}`, l.title, '', 'link-external', { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(l.url)] }));
    return out;
  }

  private groupChildren(r: Release, group: 'risk' | 'changes' | 'services' | 'requests'): ReleaseNode[] {
    if (group === 'risk') {
      const ws = r.risk?.warnings ?? [];
      if (!ws.length) return [{ kind: 'leaf', id: `${r.id}:risk:none`, label: r.risk?.note ?? 'No Ops Lens warning on the lines this release changes', icon: 'pass' }];
      return ws.map((risk) => ({ kind: 'warning', release: r, risk }));
    }
    if (group === 'changes') {
      if (!r.commits.length) return [{ kind: 'leaf', id: `${r.id}:changes:none`, label: r.ref ? 'Nothing yet' : 'Nothing in git carries this version yet', icon: 'circle-slash' }];
      return byService(r).map(([service, commits]) => ({ kind: 'service', release: r, service, commits }));
    }
    if (group === 'services') {
      return r.services.map((s) => ({ kind: 'leaf', id: `${r.id}:svc:${s.name}`, label: s.name, description: `${s.commits} commit${s.commits === 1 ? '' : 's'}`, icon: 'server-process' }));
    }
    if (!r.changeRequests.length) return [{ kind: 'leaf', id: `${r.id}:requests:none`, label: 'None', icon: 'circle-slash' }];
    return r.changeRequests.map((c) => ({
      kind: 'leaf',
      id: `${r.id}:cr:${c.file}`,
      label: c.title,
      description: [c.service, c.summary, c.status].filter(Boolean).join(' · '),
      tooltip: c.file,
      icon: 'git-pull-request-create',
      command: openAt({ file: c.file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }),
    }));
  }

  getTreeItem(node: ReleaseNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'release': {
        const r = node.release;
        const upcoming = r.status === 'upcoming';
        const item = new vscode.TreeItem(`${r.version}${r.versionProposed ? '?' : ''}${r.name ? ` · ${r.name}` : ''}`, upcoming ? C.Collapsed : r.commits.length ? C.Collapsed : C.None);
        item.id = `release:${r.status}:${r.id}`;
        const when = r.date ? (upcoming ? countdown(r.daysUntil ?? 0) : r.date) : upcoming ? 'no date' : '';
        item.description = upcoming ? [when, r.freeze && r.freeze.state !== 'after' ? freezeText(r.freeze) : '', riskText(r.risk)].filter(Boolean).join(' · ') : [r.title, when].filter(Boolean).join(' · ');
        item.tooltip = releaseTooltip(r);
        const worst = r.risk?.counts.error ? 'error' : r.risk?.counts.warning ? 'warning' : undefined;
        item.iconPath = !upcoming ? new vscode.ThemeIcon('tag') : worst ? new vscode.ThemeIcon('rocket', new vscode.ThemeColor(worst === 'error' ? 'list.errorForeground' : 'list.warningForeground')) : new vscode.ThemeIcon('rocket');
        item.contextValue = upcoming ? 'opsLens.release.upcoming' : 'opsLens.release.past';
        return item;
      }
      case 'past': {
        const item = new vscode.TreeItem('Past releases', C.Collapsed);
        item.id = 'past';
        item.description = node.total > node.releases.length ? `${node.releases.length} of ${node.total}` : String(node.total);
        item.iconPath = new vscode.ThemeIcon('history');
        return item;
      }
      case 'problems': {
        const n = node.timeline.problems.filter((p) => p.location && p.severity !== 'info').length;
        const item = new vscode.TreeItem(`Schedule problems`, C.Expanded);
        item.id = 'problems';
        item.description = `${n} in ${SCHEDULE_FILE}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        return item;
      }
      case 'group': {
        const r = node.release;
        const labels = {
          risk: [`Ops risk: ${riskText(r.risk)}`, 'shield'],
          changes: [`Changes`, 'git-commit'],
          services: [`Services`, 'server-process'],
          requests: [`Change requests`, 'git-pull-request-create'],
        } as const;
        const [label, icon] = labels[node.group];
        const hot = node.group === 'risk' && !!(r.risk?.counts.error || r.risk?.counts.warning);
        const item = new vscode.TreeItem(label, hot ? C.Expanded : C.Collapsed);
        item.id = `release:${r.id}:${node.group}`;
        if (node.group === 'changes') item.description = `${r.commits.length} commit${r.commits.length === 1 ? '' : 's'}${r.pullRequests.length ? `, ${r.pullRequests.length} pull request${r.pullRequests.length === 1 ? '' : 's'}` : ''}`;
        if (node.group === 'services') item.description = r.services.map((s) => s.name).join(', ');
        if (node.group === 'requests') item.description = String(r.changeRequests.length);
        item.iconPath = new vscode.ThemeIcon(icon);
        return item;
      }
      case 'service': {
        const item = new vscode.TreeItem(node.service ?? 'No service', C.Collapsed);
        item.id = `release:${node.release.id}:service:${node.service ?? ''}`;
        item.description = `${node.commits.length} commit${node.commits.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon(node.service ? 'server-process' : 'file');
        return item;
      }
      case 'pullRequest': {
        const pr = node.release.pullRequests.find((p) => p.number === node.number)!;
        const item = new vscode.TreeItem(`#${pr.number} ${pr.title}`, C.Collapsed);
        // A pull request touching two services is listed under both: ids carry the path, as tree ids must be unique.
        item.id = `release:${node.release.id}:service:${node.service ?? ''}:pr:${pr.number}`;
        item.description = `${pr.commits.length} commit${pr.commits.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('git-pull-request');
        return item;
      }
      case 'warning': {
        const { warning: w, inWorkingTree } = node.risk;
        const item = new vscode.TreeItem(w.code, C.None);
        item.id = `release:${node.release.id}:warning:${w.fingerprint}:${w.range.start.line}`;
        item.description = `${w.file}:${w.range.start.line + 1}${w.service ? ` · ${w.service}` : ''}${w.route ? ` · ${w.route}` : ''}`;
        item.tooltip = new vscode.MarkdownString(`**${w.severity}** \`${w.code}\`\n\n${w.message}${inWorkingTree ? '' : `\n\n_Opens the file as it stands in ${node.release.title}._`}`);
        item.iconPath = SEVERITY_ICON[w.severity];
        item.command = { title: 'Open', command: COMMANDS.openReleaseLocation, arguments: [{ file: w.file, range: w.range, ref: inWorkingTree ? undefined : node.risk.ref }] };
        item.contextValue = 'opsLens.releaseWarning';
        return item;
      }
      case 'leaf': {
        const item = new vscode.TreeItem(node.label, C.None);
        item.id = node.id;
        item.description = node.description;
        item.tooltip = node.tooltip;
        if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
        item.command = node.command;
        item.contextValue = node.contextValue;
        return item;
      }
    }
  }
}

function commitLeaves(r: Release, commits: ReleaseCommit[], under: string): ReleaseNode[] {
  const leaves: ReleaseNode[] = commits.slice(0, MAX_LISTED).map((c) => ({
    kind: 'leaf',
    id: `${r.status}:${r.id}:${under}:commit:${c.hash}`,
    label: c.subject,
    description: `${c.hash.slice(0, 8)} · ${c.author}`,
    tooltip: `${c.hash}\n${c.author}, ${new Date(c.time * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC${c.files?.length ? `\n\n${c.files.slice(0, 20).join('\n')}${c.files.length > 20 ? `\n… ${c.files.length - 20} more` : ''}` : ''}`,
    icon: 'git-commit',
  }));
  if (commits.length > MAX_LISTED) leaves.push({ kind: 'leaf', id: `${r.status}:${r.id}:${under}:more`, label: `${commits.length - MAX_LISTED} more commits`, description: 'open the ops brief for the full list', icon: 'ellipsis' });
  return leaves;
}

function openAt(location: { file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }): vscode.Command {
  return { title: 'Open', command: COMMANDS.openReleaseLocation, arguments: [location] };
}

function releaseTooltip(r: Release): vscode.MarkdownString {
  const lines = [`**${r.version}**${r.name ? ` · ${r.name}` : ''} (${r.title})`, ''];
  if (r.date) lines.push(`Ships ${shortDate(r.date)}${r.status === 'upcoming' ? ` (${countdown(r.daysUntil ?? 0)})` : ''}`, '');
  if (r.freeze) lines.push(`Freeze from ${r.freeze.from}${r.freeze.to ? ` to ${r.freeze.to}` : ''}: ${freezeText(r.freeze)}`, '');
  if (r.status === 'upcoming') lines.push(`Ops risk: ${riskText(r.risk)}`, '');
  lines.push(`${r.commits.length} commit${r.commits.length === 1 ? '' : 's'} · sources: ${r.sources.join(', ')}`);
  if (r.versionProposed) lines.push('', '_No plan names this version: the next minor is proposed. Add it to .ops-lens/releases.yaml._');
  const md = new vscode.MarkdownString(lines.join('\n'));
  md.supportThemeIcons = true;
  return md;
}
