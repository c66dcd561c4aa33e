import * as vscode from 'vscode';

/** The steps of a request, named so a scripted prompt (tests) can answer each. */
export type StepId = 'service' | 'environment' | 'change' | 'envName' | 'value' | 'reason' | 'release' | 'submit' | 'freeTextInstead';

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface PickStep<T> {
  id: StepId;
  title: string;
  placeholder: string;
  items: PickItem<T>[];
  step?: number;
  totalSteps?: number;
}

export interface InputStep {
  id: StepId;
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  step?: number;
  totalSteps?: number;
  /** A message while the value is wrong; undefined when it is acceptable. */
  validate(value: string): string | undefined;
}

/**
 * How a request asks its questions. People get the quick pick; tests pass their own (in the same extension host,
 * through the command's argument) to answer, or to change a recipe while the preview is open. Undefined = cancelled.
 */
export interface ChangePrompt {
  pick<T>(step: PickStep<T>): Promise<T | undefined>;
  input(step: InputStep): Promise<string | undefined>;
  /** Called after a preview is shown (and shown again after a refusal), before the submit question. */
  previewShown?(info: { title: string; before?: string; after?: string; round: number }): Promise<void> | void;
}

/** The real multi-step quick pick: titled steps with a counter, stays open on focus loss, validates as you type. */
export class QuickPickPrompt implements ChangePrompt {
  pick<T>(step: PickStep<T>): Promise<T | undefined> {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { value: T }>();
    qp.title = step.title;
    qp.placeholder = step.placeholder;
    qp.step = step.step;
    qp.totalSteps = step.totalSteps;
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.items = step.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value }));
    return new Promise<T | undefined>((resolve) => {
      let done = false;
      const finish = (v: T | undefined) => {
        if (done) return;
        done = true;
        resolve(v);
        qp.dispose();
      };
      qp.onDidAccept(() => finish(qp.selectedItems[0]?.value));
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  }

  input(step: InputStep): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = step.title;
    box.prompt = step.prompt;
    box.placeholder = step.placeholder;
    box.value = step.value ?? '';
    box.step = step.step;
    box.totalSteps = step.totalSteps;
    box.ignoreFocusOut = true;
    return new Promise<string | undefined>((resolve) => {
      let done = false;
      const finish = (v: string | undefined) => {
        if (done) return;
        done = true;
        resolve(v);
        box.dispose();
      };
      box.onDidChangeValue((v) => (box.validationMessage = v === '' ? undefined : step.validate(v)));
      box.onDidAccept(() => {
        const message = step.validate(box.value);
        if (message) box.validationMessage = message;
        else finish(box.value);
      });
      box.onDidHide(() => finish(undefined));
      box.show();
    });
  }
}

/**
 * Answers from a plain object (`{ submit: 'branch' }`), for callers that pre-fill a request: a pick matches an item's
 * value or label; an input must pass validation (its message is thrown otherwise, so a bad answer is a clear error).
 * A step without an answer falls through to `fallback` (the quick pick), or cancels when there is none.
 */
export class ScriptedPrompt implements ChangePrompt {
  constructor(
    private readonly answers: Partial<Record<StepId, string>>,
    private readonly fallback?: ChangePrompt,
  ) {}

  async pick<T>(step: PickStep<T>): Promise<T | undefined> {
    const answer = this.answers[step.id];
    if (answer === undefined) return this.fallback?.pick(step);
    const item = step.items.find((i) => String(i.value) === answer || i.label === answer) ?? step.items.find((i) => i.label.startsWith(answer));
    if (!item) throw new Error(`"${answer}" is not one of the choices for ${step.id}: ${step.items.map((i) => i.label).join(', ')}`);
    return item.value;
  }

  async input(step: InputStep): Promise<string | undefined> {
    const answer = this.answers[step.id];
    if (answer === undefined) return this.fallback?.input(step);
    const message = step.validate(answer);
    if (message) throw new Error(message);
    return answer;
  }
}
