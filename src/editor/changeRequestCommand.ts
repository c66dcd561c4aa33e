import * as vscode from 'vscode';
import { evidenceFor, evidenceLine } from '../core/changes/changeEvidence';
import { changedSincePreview, planChange, recordText, type ChangePlan } from '../core/changes/changePlan';
import { CHANGES_DIR } from '../core/changes/changeRecord';
import { environmentsOf, siblingsOf, targetsFor, where, type EnvironmentChoice } from '../core/changes/changeTargets';
import { ChangeRefusal, SUBMIT_MODES, type ChangeKind, type ChangeRequest, type ChangeTarget, type SubmitMode } from '../core/changes/changeTypes';
import { checkValue, inputHint } from '../core/changes/changeValues';
import { git } from '../core/changes/gitExec';
import type { RecipeTexts } from '../core/changes/recipePatcher';
import type { Logger } from '../core/host/logger';
import { NodeFileSystem } from '../core/host/nodeFileSystem';
import type { EnvironmentModel, Service } from '../core/model/environment';
import { buildEnvironmentModel } from '../core/recipes/environmentModel';
import { signalsFor, type SignalSet } from '../core/signals/signalSet';
import type { GitHubTokenStore } from './githubTokenStore';
import type { ChangePreviewProvider } from './changeRequestPreview';
import { QuickPickPrompt, type ChangePrompt } from './changeRequestPrompt';
import { readChangeSettings } from './changeRequestSettings';
import { submitBranch, submitInPlace, submitIssue, submitPullRequest, type Submitted } from './changeRequestSubmit';
import { COMMANDS } from './commandIds';

/**
 * What the command accepts: everything optional. A quick fix or the Services view pre-fills the service (and the
 * change); tests pre-fill every answer, or pass their own `prompt`. Missing answers are asked with the quick pick.
 */
export interface ChangeRequestArgs {
  service?: string;
  environment?: string;
  change?: ChangeKind;
  /** A setting's name (`PG_POOL_MAX`, `soft_limit (requests)`) for `setting`; a variable's name for `env`. */
  name?: string;
  to?: string;
  reason?: string;
  release?: string;
  submitAs?: SubmitMode;
  push?: boolean;
  /** Another folder than the workspace's (its recipes are read from disk). */
  root?: string;
  prompt?: ChangePrompt;
}

export type ChangeRequestResult =
  | ({ status: 'submitted' } & Submitted)
  | { status: 'cancelled' }
  | { status: 'refused'; code: string; message: string };

/** `FREE_TEXT` in the change pick: a request in words when nothing can or should be patched. */
const FREE_TEXT: ChangeTarget = { kind: 'freeText', label: 'Free-text request…', unit: 'text', dialect: 'yaml' };
const SUBMIT_LABELS: Record<SubmitMode | 'branchPush', { label: string; detail: string }> = {
  inPlace: { label: 'In place', detail: 'Edit the recipe in this workspace (undoable) and write the change record next to it.' },
  branch: { label: 'As a branch', detail: 'A new branch with one commit (patch + record), made without touching your checkout.' },
  branchPush: { label: 'As a branch, pushed', detail: 'The same branch, pushed to the remote for review.' },
  issue: { label: 'As a GitHub issue', detail: 'Files the change, the evidence and the diff as an issue; the record links to it.' },
  pullRequest: { label: 'As a GitHub pull request', detail: 'Pushes the branch and opens a pull request with the evidence.' },
};

export interface ChangeRequestDeps {
  folder: vscode.Uri | undefined;
  model: () => EnvironmentModel;
  signals: () => SignalSet | undefined;
  preview: ChangePreviewProvider;
  tokens: GitHubTokenStore;
  log: Logger;
  /** Called after a record was written or committed: the Change Requests view refreshes. */
  onSubmitted: () => void;
}

/** Ops Lens: Request Environment Change. */
export class ChangeRequestCommand {
  constructor(private readonly deps: ChangeRequestDeps) {}

  /** Never throws: refusals are said to the user (with what to do) and returned, for scripts and tests. */
  async run(raw?: unknown): Promise<ChangeRequestResult> {
    const args = normalizeArgs(raw);
    try {
      return await this.flow(args);
    } catch (e) {
      const refusal = e instanceof ChangeRefusal ? e : new ChangeRefusal('invalid-value', (e as Error).message);
      this.deps.log.warn(`change request refused (${refusal.code}): ${refusal.message}`);
      void this.explain(refusal);
      return { status: 'refused', code: refusal.code, message: refusal.message };
    }
  }

  private async flow(args: ChangeRequestArgs): Promise<ChangeRequestResult> {
    const rootUri = args.root ? vscode.Uri.file(args.root) : this.deps.folder;
    if (!rootUri) throw new ChangeRefusal('not-a-repository', 'Open a folder with recipes first: there is nothing to change.');
    const prompt: ChangePrompt = args.prompt ?? new QuickPickPrompt();
    const { model, texts } = await this.workspace(rootUri, !!args.root);
    const total = 6;

    // 1. Service.
    let service: Service | undefined;
    if (args.service) {
      service = model.services.find((s) => s.name === args.service);
      if (!service) throw new ChangeRefusal('invalid-value', `No service named "${args.service}" in the recipes of ${rootUri.fsPath}.`);
    } else {
      if (model.services.length === 0) throw new ChangeRefusal('invalid-value', 'No services were found in the recipes of this folder: run "Ops Lens: Analyse Workspace" or open the log.');
      service = await prompt.pick({
        id: 'service',
        title: 'Request an environment change: service',
        placeholder: 'Which service needs the change?',
        step: 1,
        totalSteps: total,
        items: model.services.map((s) => ({ label: s.name, description: s.recipes[0] ? where(s.recipes[0].location) : undefined, detail: summary(s), value: s })),
      });
      if (!service) return { status: 'cancelled' };
    }

    // 2. Environment: the layer that sets the value there (overlay, values file, tfvars, …).
    const envs = environmentsOf(service);
    let env: EnvironmentChoice | undefined = args.environment ? envs.find((e) => e.name === args.environment) : envs.length === 1 ? envs[0] : undefined;
    if (args.environment && !env) throw new ChangeRefusal('invalid-value', `${service.name} has no environment "${args.environment}" (it has ${envs.map((e) => e.name).join(', ')}).`);
    if (!env) {
      env = await prompt.pick({
        id: 'environment',
        title: `Request an environment change: ${service.name}, environment`,
        placeholder: 'Which environment? (the first is production)',
        step: 2,
        totalSteps: total,
        items: envs.map((e) => ({ label: e.name, description: [e.source, e.definedIn].filter(Boolean).join(' · '), value: e })),
      });
      if (!env) return { status: 'cancelled' };
    }

    // 3. What to change, each with its current value, where it is set, and the evidence for it.
    const signals = this.deps.signals();
    const serviceSignals = signalsFor(signals, service.name);
    const targets = await targetsFor(service, env, texts.readText);
    let target = args.change ? pickTarget(targets, args.change, args.name) : undefined;
    if (args.change && !target) throw new ChangeRefusal('invalid-value', `${service.name} (${env.name}) has no ${args.change}${args.name ? ` ${args.name}` : ''} set in its recipes: ask for it as a free-text request.`, true);
    if (!target) {
      target = await prompt.pick({
        id: 'change',
        title: `Request an environment change: ${service.name} in ${env.name}`,
        placeholder: 'What should change? Current values, where they are set, and production evidence',
        step: 3,
        totalSteps: total,
        items: [...targets, FREE_TEXT].map((t) => ({
          label: t.label,
          description: t.current ? `${t.current.display} · ${where(t.current.location)}` : t.kind === 'freeText' ? 'describe it in words' : undefined,
          detail: [evidenceLine(evidenceFor(t.kind, t.setting?.kind, serviceSignals, signals)), t.sharedNote].filter(Boolean).join(' — ') || undefined,
          value: t,
        })),
      });
      if (!target) return { status: 'cancelled' };
    }
    if (target.kind === 'env' && !target.current) {
      const name = args.name ?? (await prompt.input({ id: 'envName', title: 'New environment variable', prompt: 'Its name', placeholder: 'e.g. CACHE_TTL_SECONDS', validate: (v) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v.trim()) ? (Object.keys(env!.env).includes(v.trim()) ? `${v.trim()} is already set: pick it to change its value.` : undefined) : 'Letters, digits and _ only, not starting with a digit.') }));
      if (!name) return { status: 'cancelled' };
      target = { ...target, envName: name.trim(), label: `env ${name.trim()} (new)` };
    }
    return this.valueAndSubmit(args, prompt, rootUri, texts, service, env, target, signals);
  }

  private async valueAndSubmit(args: ChangeRequestArgs, prompt: ChangePrompt, rootUri: vscode.Uri, texts: RecipeTexts, service: Service, env: EnvironmentChoice, target: ChangeTarget, signals: SignalSet | undefined): Promise<ChangeRequestResult> {
    const evidence = evidenceFor(target.kind, target.setting?.kind, signalsFor(signals, service.name), signals);
    // 4. The new value, checked in the recipe's units as it is typed.
    const siblings = siblingsOf(env.capacity);
    const validate = (v: string) => (target.kind === 'freeText' ? (v.trim() ? undefined : 'Describe the change you need.') : (() => { const c = checkValue(target, v, siblings); return c.ok ? undefined : c.message; })());
    let to = args.to;
    if (to !== undefined) {
      const problem = validate(to);
      if (problem) throw new ChangeRefusal('invalid-value', problem);
    } else {
      const current = target.current ? `Now ${target.current.display}, set in ${where(target.current.location)}.` : target.kind === 'freeText' ? 'What should operations change, and where?' : 'Not set yet.';
      to = await prompt.input({
        id: 'value',
        title: `Request an environment change: ${target.label}`,
        prompt: [current, evidenceLine(evidence, 3), target.sharedNote].filter(Boolean).join(' '),
        placeholder: target.kind === 'freeText' ? 'e.g. a read replica for the orders database before the sale' : inputHint(target),
        step: 4,
        totalSteps: 6,
        validate,
      });
      if (to === undefined) return { status: 'cancelled' };
    }
    to = target.kind === 'freeText' ? to.trim() : (checkValue(target, to, siblings) as { literal: string }).literal ?? to.trim();

    // 5. Why, and the release it should ride with.
    const reason =
      args.reason ??
      (await prompt.input({ id: 'reason', title: 'Request an environment change: why', prompt: 'Why is this needed? Operations read this first.', placeholder: evidence.items[0]?.summary ?? 'e.g. the new export job doubles CPU at night', step: 5, totalSteps: 6, validate: (v) => (v.trim() ? undefined : 'Say why, in a sentence.') }));
    if (reason === undefined) return { status: 'cancelled' };
    const release =
      args.release ??
      (await prompt.input({ id: 'release', title: 'Request an environment change: release', prompt: 'The release this should ship with (optional).', placeholder: 'e.g. 2026.05 or v1.43.0; leave empty for none', step: 6, totalSteps: 6, validate: (v) => (v.length > 80 ? 'Keep it short: a release name or version.' : undefined) }));
    if (release === undefined) return { status: 'cancelled' };

    const request: ChangeRequest = { service: service.name, environment: env.name, target, to, reason: reason.trim(), evidence, release: release.trim() || undefined };
    let plan: ChangePlan;
    try {
      plan = await this.plan(request, rootUri, texts, env);
    } catch (e) {
      if (e instanceof ChangeRefusal && e.offerFreeText && target.kind !== 'freeText') return this.offerFreeText(e, args, prompt, rootUri, texts, service, env, target, signals, request);
      throw e;
    }

    // Preview, then how to submit; re-read and preview again when a recipe changed meanwhile.
    for (let round = 1; ; round++) {
      await this.showPreview(plan, prompt, round);
      const mode = await this.submitMode(args, prompt);
      if (!mode) return { status: 'cancelled' };
      const changed = await changedSincePreview(plan, (f) => texts.readText(f).catch(() => undefined));
      if (changed.length > 0) {
        if (round >= 3) throw new ChangeRefusal('changed-since-preview', `${changed.join(', ')} keeps changing: nothing was written. Request again when it is settled.`);
        void vscode.window.showWarningMessage(`Ops Lens: ${changed.join(', ')} changed since the preview: here it is again, from the new text. Nothing was written.`);
        plan = await this.plan(request, rootUri, texts, env);
        continue;
      }
      if (mode.mode !== 'inPlace' && !vscode.workspace.isTrusted) {
        throw new ChangeRefusal('untrusted-workspace', 'This workspace is not trusted: Ops Lens runs git and contacts GitHub only in trusted workspaces. Trust it (Workspaces: Manage Workspace Trust), or submit in place.');
      }
      const settings = readChangeSettings(rootUri);
      const ctx = { root: rootUri, settings, tokens: this.deps.tokens, files: texts.files };
      const push = mode.push;
      const done =
        mode.mode === 'inPlace' ? await submitInPlace(plan, ctx)
        : mode.mode === 'branch' ? await submitBranch(plan, ctx, push)
        : mode.mode === 'issue' ? await submitIssue(plan, ctx)
        : await submitPullRequest(plan, ctx);
      this.deps.log.info(`change request ${plan.record.id} submitted ${mode.mode}${done.branch ? ` on ${done.branch}` : ''}${done.link ? ` (${done.link})` : ''}`);
      this.deps.onSubmitted();
      void this.announce(rootUri, done, plan);
      return { status: 'submitted', ...done };
    }
  }

  private async offerFreeText(refusal: ChangeRefusal, args: ChangeRequestArgs, prompt: ChangePrompt, rootUri: vscode.Uri, texts: RecipeTexts, service: Service, env: EnvironmentChoice, target: ChangeTarget, signals: SignalSet | undefined, request: ChangeRequest): Promise<ChangeRequestResult> {
    const choice = await prompt.pick({
      id: 'freeTextInstead',
      title: 'Ops Lens cannot patch this value safely',
      placeholder: refusal.message,
      items: [
        { label: 'Request it as free text', detail: 'Operations get the request, the reason and the evidence; no recipe is patched.', value: 'yes' },
        { label: 'Cancel', value: 'no' },
      ],
    });
    if (choice !== 'yes') return { status: 'refused', code: refusal.code, message: refusal.message };
    const words = `${target.label}: ${target.current ? `${target.current.display} → ` : ''}${request.to} (${where(target.current?.location ?? target.anchor ?? { file: 'recipes', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })}). ${refusal.message}`;
    const free: ChangeTarget = { ...FREE_TEXT, current: target.current };
    return this.valueAndSubmit({ ...args, to: words, reason: request.reason, release: request.release ?? '' }, prompt, rootUri, texts, service, env, free, signals);
  }

  private async plan(request: ChangeRequest, rootUri: vscode.Uri, texts: RecipeTexts, env: EnvironmentChoice): Promise<ChangePlan> {
    const taken = new Set((await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(rootUri, ...CHANGES_DIR.split('/'))).then((e) => e, () => [] as [string, vscode.FileType][])).map(([n]) => n.replace(/\.md$/, '')));
    let requestedBy: string | undefined;
    // git runs only in a trusted workspace: a repository's own config could otherwise run programs.
    if (vscode.workspace.isTrusted) {
      requestedBy = await git(rootUri.fsPath, ['config', 'user.name']).then((n) => n.trim() || undefined, () => undefined);
      // Ids already used by change branches: the new record (and its branch) gets a name of its own.
      const prefix = readChangeSettings(rootUri).branchPrefix;
      const branches = await git(rootUri.fsPath, ['for-each-ref', '--format=%(refname:short)', `refs/heads/${prefix}`]).then((o) => o.split('\n').filter(Boolean), () => [] as string[]);
      for (const b of branches) taken.add(b.slice(prefix.length));
    }
    return planChange(request, texts, { now: new Date(), takenIds: taken, requestedBy, environmentFile: env.definedIn });
  }

  private async showPreview(plan: ChangePlan, prompt: ChangePrompt, round: number): Promise<void> {
    const title = `${plan.record.title} (preview${round > 1 ? `, again: the recipe changed` : ''})`;
    if (plan.patch) await this.deps.preview.showDiff(plan.record.id, plan.patch.file, plan.patch.before, plan.patch.after, title);
    else await this.deps.preview.showRecord(plan.record.id, plan.recordPath, recordText(plan));
    await prompt.previewShown?.({ title, before: plan.patch?.before, after: plan.patch?.after, round });
  }

  private async submitMode(args: ChangeRequestArgs, prompt: ChangePrompt): Promise<{ mode: SubmitMode; push: boolean } | undefined> {
    const settings = readChangeSettings();
    const fixed = args.submitAs ?? (settings.submitAs === 'ask' ? undefined : settings.submitAs);
    if (fixed) return { mode: fixed, push: fixed === 'pullRequest' || (args.push ?? settings.pushBranch) };
    const order: (SubmitMode | 'branchPush')[] = ['inPlace', 'branch', 'branchPush', 'issue', 'pullRequest'];
    const picked = await prompt.pick({
      id: 'submit',
      title: 'Submit the change (the diff is open beside)',
      placeholder: 'How should this reach operations?',
      items: [...order.map((m) => ({ label: SUBMIT_LABELS[m].label, detail: SUBMIT_LABELS[m].detail, value: m as string })), { label: 'Cancel', detail: 'Nothing is written.', value: 'cancel' }],
    });
    if (!picked || picked === 'cancel') return undefined;
    return picked === 'branchPush' ? { mode: 'branch', push: true } : { mode: picked as SubmitMode, push: picked === 'pullRequest' || (picked === 'branch' && (args.push ?? settings.pushBranch)) };
  }

  private async workspace(rootUri: vscode.Uri, other: boolean): Promise<{ model: EnvironmentModel; texts: RecipeTexts }> {
    const disk = new NodeFileSystem(rootUri.fsPath);
    const files = await disk.listFiles();
    // Open editors win over the disk, so a change is computed against what the user sees (unsaved edits included).
    const readText = async (file: string) => {
      const uri = vscode.Uri.joinPath(rootUri, ...file.split('/'));
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return open ? open.getText() : disk.readText(file);
    };
    const current = other ? undefined : this.deps.model();
    const model = current && current.services.length > 0 ? current : await buildEnvironmentModel({ readText, listFiles: async () => files, rootName: disk.rootName }, files, this.deps.log);
    return { model, texts: { files, readText } };
  }

  private async announce(rootUri: vscode.Uri, done: Submitted, plan: ChangePlan): Promise<void> {
    const what = done.mode === 'inPlace' ? `${plan.patch ? `${plan.patch.file} changed (undo with Ctrl+Z) and ` : ''}record written` : done.mode === 'branch' ? `branch ${done.branch} created${done.pushed ? ' and pushed' : ''}` : done.mode === 'issue' ? `issue filed` : `pull request opened on ${done.branch}`;
    const actions = [...(done.link ? ['Open Link'] : []), ...(done.mode === 'inPlace' || done.mode === 'issue' ? ['Open Record'] : [])];
    const choice = await vscode.window.showInformationMessage(`Ops Lens: ${plan.record.title}: ${what}.`, ...actions);
    if (choice === 'Open Link' && done.link) await vscode.env.openExternal(vscode.Uri.parse(done.link));
    if (choice === 'Open Record') await vscode.window.showTextDocument(vscode.Uri.joinPath(rootUri, ...done.record.split('/')));
  }

  private async explain(refusal: ChangeRefusal): Promise<void> {
    const action = refusal.code === 'missing-token' ? 'Set GitHub Token' : undefined;
    const choice = await vscode.window.showErrorMessage(`Ops Lens: ${refusal.message}`, ...(action ? [action] : []));
    if (choice === 'Set GitHub Token') await vscode.commands.executeCommand(COMMANDS.setGitHubToken);
  }
}

function pickTarget(targets: ChangeTarget[], kind: ChangeKind, name?: string): ChangeTarget | undefined {
  if (kind === 'freeText') return FREE_TEXT;
  if (kind === 'env') return targets.find((t) => t.kind === 'env' && t.envName === name) ?? (name ? targets.find((t) => t.kind === 'env' && !t.current) : undefined);
  if (kind === 'setting') return targets.find((t) => t.kind === 'setting' && (t.setting?.name === name || !name));
  return targets.find((t) => t.kind === kind);
}

/** Accepts the command's own arguments, a Services-view node (`{ service }`), or nothing. */
function normalizeArgs(raw: unknown): ChangeRequestArgs {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  if (r.service && typeof r.service === 'object' && typeof (r.service as { name?: unknown }).name === 'string') return { service: (r.service as { name: string }).name };
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  return {
    service: str('service'),
    environment: str('environment'),
    change: str('change') as ChangeKind | undefined,
    name: str('name'),
    to: str('to'),
    reason: str('reason'),
    release: str('release'),
    submitAs: SUBMIT_MODES.includes(r.submitAs as SubmitMode) ? (r.submitAs as SubmitMode) : undefined,
    push: typeof r.push === 'boolean' ? r.push : undefined,
    root: str('root'),
    prompt: r.prompt && typeof (r.prompt as ChangePrompt).pick === 'function' ? (r.prompt as ChangePrompt) : undefined,
  };
}

function summary(s: Service): string {
  const c = s.capacity;
  const parts = [
    c.replicas ? `${c.replicas.value} replicas` : undefined,
    c.autoscaling?.maxReplicas ? `autoscaling ${c.autoscaling.minReplicas?.value ?? '?'}–${c.autoscaling.maxReplicas.value}` : undefined,
    s.environments && s.environments.length > 1 ? `${s.environments.length} environments` : undefined,
  ].filter(Boolean);
  return parts.join(' · ') || 'no capacity set in recipes';
}
