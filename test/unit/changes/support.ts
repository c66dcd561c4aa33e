import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentsOf, targetsFor, type EnvironmentChoice } from '../../../src/core/changes/changeTargets';
import { ChangeRefusal, type ChangeKind, type ChangeRequest, type ChangeTarget } from '../../../src/core/changes/changeTypes';
import type { RecipeTexts } from '../../../src/core/changes/recipePatcher';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import type { EnvironmentModel, Service } from '../../../src/core/model/environment';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';

export const FIXTURES = join(__dirname, '../../fixtures/changes-recipes');

/** A fixture folder read by the real recipe readers, as the editor and the CLI read a workspace. */
export async function workspace(dir: string): Promise<{ root: string; model: EnvironmentModel; texts: RecipeTexts; read(file: string): string }> {
  const root = join(FIXTURES, dir);
  const fs = new NodeFileSystem(root);
  const files = await fs.listFiles();
  const model = await buildEnvironmentModel(fs, files);
  return { root, model, texts: { files, readText: (f) => fs.readText(f) }, read: (f) => readFileSync(join(root, f), 'utf8') };
}

export function service(model: EnvironmentModel, name: string): Service {
  const s = model.services.find((x) => x.name === name);
  assert.ok(s, `no service ${name}; services: ${model.services.map((x) => x.name).join(', ')}`);
  return s;
}

export function environment(s: Service, name: string): EnvironmentChoice {
  const e = environmentsOf(s).find((x) => x.name === name);
  assert.ok(e, `no environment ${name} for ${s.name}; have ${environmentsOf(s).map((x) => x.name).join(', ')}`);
  return e;
}

export async function target(texts: RecipeTexts, s: Service, env: string, kind: ChangeKind, label?: string): Promise<ChangeTarget> {
  const all = await targetsFor(s, environment(s, env), texts.readText);
  const t = all.find((x) => x.kind === kind && (label === undefined || x.label === label));
  assert.ok(t, `no ${kind} ${label ?? ''} target; have ${all.map((x) => `${x.kind}:${x.label}`).join(', ')}`);
  return t;
}

export function request(s: Service, env: string, t: ChangeTarget, to: string, extra: Partial<ChangeRequest> = {}): ChangeRequest {
  return { service: s.name, environment: env, target: t, to, reason: 'load test showed it', evidence: { items: [] }, ...extra };
}

/** `after` must be `before` with exactly `from` replaced by `to` on that (zero-based) line: every other byte equal. */
export function assertOnlyChanged(before: string, after: string, line: number, from: string, to: string): void {
  const lines = before.split('\n');
  const i = lines[line].indexOf(from);
  assert.ok(i >= 0, `line ${line + 1} does not contain ${from}: ${lines[line]}`);
  lines[line] = lines[line].slice(0, i) + to + lines[line].slice(i + from.length);
  assert.equal(after, lines.join('\n'));
}

/** `after` must be `before` with `inserted` (whole lines) added after the (zero-based) line. */
export function assertInsertedAfter(before: string, after: string, line: number, inserted: string[]): void {
  const lines = before.split('\n');
  lines.splice(line + 1, 0, ...inserted);
  assert.equal(after, lines.join('\n'));
}

/** The refusal `run` ends in; a failure when it went through or threw something else. */
export async function refusal(run: () => Promise<unknown> | unknown): Promise<ChangeRefusal> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ChangeRefusal) return e;
    throw e;
  }
  assert.fail('expected a refusal, the change went through');
}
