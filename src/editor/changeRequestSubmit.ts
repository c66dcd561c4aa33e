import * as vscode from 'vscode';
import { checkRepository, commitOnExistingBranch, commitOnNewBranch, pushBranch, type BranchFile } from '../core/changes/branchCommit';
import { patchForBase, recordText, type ChangePlan } from '../core/changes/changePlan';
import { ChangeRefusal, type ChangeRecord, type SubmitMode } from '../core/changes/changeTypes';
import { git } from '../core/changes/gitExec';
import { createIssue, createPullRequest, type GitHubTarget } from '../core/changes/githubSubmit';
import { remoteRepository } from '../core/changes/gitRemote';
import type { RecipePatch } from '../core/changes/patchTypes';
import { submissionBody } from '../core/changes/submissionText';
import type { GitHubTokenStore } from './githubTokenStore';
import type { ChangeSettings } from './changeRequestSettings';

export interface Submitted {
  mode: SubmitMode;
  /** The record's path relative to the folder (in the working tree, or on the branch). */
  record: string;
  branch?: string;
  commit?: string;
  pushed?: boolean;
  link?: string;
}

export interface SubmitContext {
  root: vscode.Uri;
  settings: ChangeSettings;
  tokens: GitHubTokenStore;
  files: readonly string[];
}

/**
 * In place: one workspace edit that changes the value in the recipe (open or not; undoable like any edit) and creates
 * the record. A recipe that had no unsaved edits is saved; one that had is left unsaved, so the user's own pending
 * edits are never written without them.
 */
export async function submitInPlace(plan: ChangePlan, ctx: SubmitContext): Promise<Submitted> {
  const edit = new vscode.WorkspaceEdit();
  let doc: vscode.TextDocument | undefined;
  let wasDirty = false;
  if (plan.patch) {
    doc = await vscode.workspace.openTextDocument(uriOf(ctx.root, plan.patch.file));
    wasDirty = doc.isDirty;
    if (doc.getText() !== plan.patch.before) throw new ChangeRefusal('changed-since-preview', `${plan.patch.file} changed since the preview: nothing was written.`);
    const range = new vscode.Range(doc.positionAt(plan.patch.edit.start), doc.positionAt(plan.patch.edit.end));
    edit.replace(doc.uri, range, plan.patch.edit.newText, { label: 'Ops Lens: environment change request', needsConfirmation: false });
  }
  writeRecord(edit, ctx.root, plan, { submittedAs: 'inPlace' });
  if (!(await vscode.workspace.applyEdit(edit))) throw new ChangeRefusal('changed-since-preview', 'VS Code did not apply the edit (the file may have changed or be read-only): nothing was written.');
  if (doc && !wasDirty) await doc.save();
  return { mode: 'inPlace', record: plan.recordPath };
}

/** As a branch: one commit on top of HEAD with the patch and the record, made without touching the user's checkout. */
export async function submitBranch(plan: ChangePlan, ctx: SubmitContext, push: boolean, mode: SubmitMode = 'branch', overrides: Partial<ChangeRecord> = {}): Promise<Submitted> {
  const root = ctx.root.fsPath;
  const repo = await checkRepository(root);
  const branch = `${ctx.settings.branchPrefix}${plan.record.id}`;
  const base = { files: ctx.files, readText: (f: string) => git(repo.top, ['cat-file', 'blob', `${repo.head}:${repo.prefix}${f}`]) };
  const patch = await patchForBase(plan, base);
  const files: BranchFile[] = [];
  if (patch) files.push({ path: patch.file, content: (b) => (b === patch.before ? patch.after : moved(patch)) });
  files.push({ path: plan.recordPath, content: () => recordText(plan, { submittedAs: mode, branch, ...overrides }) });
  const result = await commitOnNewBranch(root, branch, commitMessage(plan), files);
  if (push) await pushBranch(root, ctx.settings.remote, branch);
  return { mode, record: plan.recordPath, branch, commit: result.commit, pushed: push };
}

/** As an issue: the body carries the change, the evidence and the diff; the record is written in place with the link. */
export async function submitIssue(plan: ChangePlan, ctx: SubmitContext): Promise<Submitted> {
  const target = await github(ctx);
  const filed = await createIssue(target, { title: plan.record.title, body: submissionBody(plan.record, plan.patch, plan.recordPath), labels: ctx.settings.githubLabels });
  const edit = new vscode.WorkspaceEdit();
  writeRecord(edit, ctx.root, plan, { submittedAs: 'issue', status: 'submitted', link: filed.url });
  if (!(await vscode.workspace.applyEdit(edit))) throw new ChangeRefusal('github', `Issue ${filed.url} was filed, but the change record could not be written.`);
  return { mode: 'issue', record: plan.recordPath, link: filed.url };
}

/**
 * As a pull request: the branch (pushed), the pull request into the base branch, then a second commit on the branch
 * recording the pull request's link in the change record, pushed too.
 */
export async function submitPullRequest(plan: ChangePlan, ctx: SubmitContext): Promise<Submitted> {
  const target = await github(ctx);
  const made = await submitBranch(plan, ctx, true, 'pullRequest', { status: 'submitted' });
  const pr = await createPullRequest(target, { title: plan.record.title, body: submissionBody(plan.record, plan.patch, plan.recordPath, { branch: made.branch }), head: made.branch!, base: ctx.settings.githubBaseBranch || undefined }).catch((e: unknown) => {
    if (e instanceof ChangeRefusal) throw new ChangeRefusal(e.code, `${e.message} The branch ${made.branch} is pushed: open the pull request by hand.`);
    throw e;
  });
  const linked = await commitOnExistingBranch(ctx.root.fsPath, made.branch!, `Change record: link pull request #${pr.number}`, [
    { path: plan.recordPath, content: () => recordText(plan, { submittedAs: 'pullRequest', branch: made.branch, status: 'submitted', link: pr.url }) },
  ]);
  await pushBranch(ctx.root.fsPath, ctx.settings.remote, made.branch!);
  return { ...made, commit: linked.commit, link: pr.url };
}

async function github(ctx: SubmitContext): Promise<GitHubTarget> {
  const remote = await remoteRepository(ctx.root.fsPath, ctx.settings.remote, ctx.settings.githubApiUrl);
  const token = await ctx.tokens.get(remote.apiUrl);
  if (!token) {
    const origin = new URL(remote.apiUrl).origin;
    const ghe = remote.host !== 'github.com' && !ctx.settings.githubApiUrl ? ` (for GitHub Enterprise, first set opsLens.releases.githubApiUrl to ${remote.apiUrl}, so the token is stored for that origin)` : '';
    throw new ChangeRefusal('missing-token', `No GitHub token is stored for ${origin}: run "Ops Lens: Set GitHub Token"${ghe}, then submit again.`);
  }
  return { apiUrl: remote.apiUrl, owner: remote.owner, repo: remote.repo, token };
}

function writeRecord(edit: vscode.WorkspaceEdit, root: vscode.Uri, plan: ChangePlan, overrides: Partial<ChangeRecord>): void {
  edit.createFile(uriOf(root, plan.recordPath), { contents: new TextEncoder().encode(recordText(plan, overrides)), overwrite: false });
}

function commitMessage(plan: ChangePlan): string {
  return `${plan.record.title}\n\n${plan.record.reason.trim() || '(no reason given)'}\n\nChange record: ${plan.recordPath}\n`;
}

function moved(patch: RecipePatch): never {
  throw new ChangeRefusal('changed-since-preview', `${patch.file} changed in HEAD while the branch was being made: nothing was written. Request again.`);
}

function uriOf(root: vscode.Uri, file: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...file.split('/'));
}
