import * as vscode from 'vscode';
import { CHANGES_DIR, parseRecord } from '../core/changes/changeRecord';
import type { ChangeRecord } from '../core/changes/changeTypes';
import { git, gitOk } from '../core/changes/gitExec';
import type { Logger } from '../core/host/logger';
import { readChangeSettings } from './changeRequestSettings';
import { Disposable } from './disposable';
import type { ChangePreviewProvider } from './changeRequestPreview';

/** A record and where it lives: in the working tree, or only on a change branch (not merged yet). */
export interface ListedRecord {
  record: ChangeRecord;
  file: string;
  branch?: string;
  text: string;
}

type Node = { kind: 'release'; release: string | undefined; items: ListedRecord[] } | { kind: 'record'; item: ListedRecord } | { kind: 'problem'; message: string };

const STATUS_ICONS: Record<string, string> = {
  proposed: 'git-pull-request-draft',
  submitted: 'git-pull-request',
  accepted: 'pass',
  applied: 'check-all',
  rejected: 'close',
  withdrawn: 'circle-slash',
};

/**
 * The Change Requests view: every record in `.ops-lens/changes/`, and those that exist only on local change branches,
 * grouped by the release they ride with, with status and link. Refreshes when a record file changes and after a
 * submission; reading never blocks the editor (git and the disk are read asynchronously, once per refresh).
 */
export class ChangeRequestsView extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly changed = this.register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private listed: ListedRecord[] = [];
  private problems: string[] = [];
  private loading: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly root: vscode.Uri,
    private readonly preview: ChangePreviewProvider,
    private readonly log: Logger,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, `${CHANGES_DIR}/*.md`)));
    for (const e of [watcher.onDidCreate, watcher.onDidChange, watcher.onDidDelete]) this.register(e(() => this.refreshSoon()));
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  /** What the view shows, once loaded (tests and the release grouping read it). */
  get records(): readonly ListedRecord[] {
    return this.listed;
  }

  refresh(): Promise<void> {
    this.loading = this.load().then(() => this.changed.fire(undefined));
    return this.loading;
  }

  getChildren(node?: Node): Node[] | Thenable<Node[]> {
    if (!node) return (this.loading ?? this.refresh()).then(() => this.roots());
    if (node.kind === 'release') return node.items.map((item) => ({ kind: 'record', item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'problem') {
      const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('warning');
      return item;
    }
    if (node.kind === 'release') {
      const item = new vscode.TreeItem(node.release ? `Release ${node.release}` : 'No release named', vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.items.length} request${node.items.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon(node.release ? 'tag' : 'inbox');
      item.contextValue = 'opsLens.changeRelease';
      return item;
    }
    const { record, branch, file } = node.item;
    const item = new vscode.TreeItem(record.title, vscode.TreeItemCollapsibleState.None);
    item.description = [record.status, branch ? `on ${branch}` : undefined, record.link ? linkLabel(record.link) : undefined].filter(Boolean).join(' · ');
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${escape(record.title)}**\n\n`);
    tip.appendMarkdown(`${escape(record.reason || '(no reason given)')}\n\n`);
    for (const e of record.evidence.items.slice(0, 4)) tip.appendMarkdown(`- ${escape(e.summary)}\n`);
    tip.appendMarkdown(`\n${record.status}${record.release ? ` · ships with ${escape(record.release)}` : ''} · ${branch ? `on branch \`${branch}\`` : `\`${file}\``}`);
    item.tooltip = tip;
    item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[record.status] ?? 'circle-outline');
    item.contextValue = record.link ? 'opsLens.changeRequest.link' : 'opsLens.changeRequest';
    item.command = { title: 'Open change record', command: 'vscode.open', arguments: [branch ? this.preview.put(record.id, 'record', file, node.item.text) : vscode.Uri.joinPath(this.root, ...file.split('/'))] };
    return item;
  }

  /** The link of a record item (context menu "Open Link"). */
  linkOf(node: unknown): string | undefined {
    const n = node as Node | undefined;
    return n?.kind === 'record' ? n.item.record.link : undefined;
  }

  private roots(): Node[] {
    const problems: Node[] = this.problems.map((message) => ({ kind: 'problem', message }));
    if (this.listed.length === 0) return problems;
    const byRelease = new Map<string | undefined, ListedRecord[]>();
    for (const l of this.listed) byRelease.set(l.record.release, [...(byRelease.get(l.record.release) ?? []), l]);
    // Without any release named, a flat list: grouping would only add a level.
    if (byRelease.size === 1 && byRelease.has(undefined)) return [...this.listed.map((item) => ({ kind: 'record' as const, item })), ...problems];
    const named = [...byRelease.keys()].filter((k): k is string => k !== undefined).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const groups: Node[] = named.map((release) => ({ kind: 'release', release, items: byRelease.get(release)! }));
    if (byRelease.has(undefined)) groups.push({ kind: 'release', release: undefined, items: byRelease.get(undefined)! });
    return [...groups, ...problems];
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 200);
  }

  private async load(): Promise<void> {
    const listed: ListedRecord[] = [];
    const problems: string[] = [];
    const dir = vscode.Uri.joinPath(this.root, ...CHANGES_DIR.split('/'));
    const entries = await vscode.workspace.fs.readDirectory(dir).then((e) => e, () => [] as [string, vscode.FileType][]);
    for (const [name, type] of entries.sort(([a], [b]) => b.localeCompare(a))) {
      if (type !== vscode.FileType.File || !name.endsWith('.md')) continue;
      const file = `${CHANGES_DIR}/${name}`;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)));
      const parsed = parseRecord(text);
      if (parsed.record) listed.push({ record: parsed.record, file, text });
      else problems.push(`${file}: ${parsed.problem}`);
    }
    listed.push(...(await this.branchRecords(new Set(listed.map((l) => l.record.id)))));
    this.listed = listed;
    this.problems = problems;
  }

  /** Records committed on local change branches (`ops-lens/…`) that the working tree does not have (yet). */
  private async branchRecords(known: Set<string>): Promise<ListedRecord[]> {
    const root = this.root.fsPath;
    if (!vscode.workspace.isTrusted || !(await gitOk(root, ['rev-parse', '--is-inside-work-tree']))) return [];
    const out: ListedRecord[] = [];
    try {
      const prefix = readChangeSettings(this.root).branchPrefix;
      const repoPrefix = (await git(root, ['rev-parse', '--show-prefix'])).trim();
      const refs = (await git(root, ['for-each-ref', '--format=%(refname:short)', `refs/heads/${prefix}`])).split('\n').filter(Boolean);
      for (const branch of refs.slice(0, 200)) {
        const names = (await git(root, ['ls-tree', '--full-tree', '--name-only', `refs/heads/${branch}`, '--', `${repoPrefix}${CHANGES_DIR}/`])).split('\n').filter((n) => n.endsWith('.md'));
        for (const full of names) {
          const text = await git(root, ['cat-file', 'blob', `refs/heads/${branch}:${full}`]);
          const parsed = parseRecord(text);
          if (!parsed.record || known.has(parsed.record.id)) continue;
          known.add(parsed.record.id);
          out.push({ record: parsed.record, file: full.slice(repoPrefix.length), branch, text });
        }
      }
    } catch (e) {
      this.log.warn(`change requests: cannot read change branches: ${(e as Error).message}`);
    }
    return out;
  }
}

function linkLabel(link: string): string {
  const m = /\/(issues|pull)\/(\d+)$/.exec(link);
  return m ? `${m[1] === 'pull' ? 'PR' : 'issue'} #${m[2]}` : 'link';
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

