/** A workspace folder as far as the choice needs it (vscode.WorkspaceFolder has these). */
export interface FolderLike {
  name: string;
}

export interface FolderChoice<F extends FolderLike> {
  folder: F;
  /** Said in the log, and to the user when the setting names no open folder. */
  note?: string;
  /** The setting names a folder that is not open. */
  unknown?: boolean;
}

/**
 * The one folder Ops Lens works on: the folder named by `opsLens.workspaceFolder`, else the first. No vscode import,
 * so the unit tests can run it.
 */
export function chooseWorkspaceFolder<F extends FolderLike>(folders: readonly F[], wanted: string): FolderChoice<F> | undefined {
  if (folders.length === 0) return undefined;
  const name = wanted.trim();
  if (name) {
    const named = folders.find((f) => f.name === name);
    if (named) return { folder: named, note: folders.length > 1 ? `several folders are open: Ops Lens analyses ${named.name} (opsLens.workspaceFolder)` : undefined };
    return {
      folder: folders[0],
      unknown: true,
      note: `opsLens.workspaceFolder names "${name}", which is not open (open: ${folders.map((f) => f.name).join(', ')}): Ops Lens analyses ${folders[0].name}`,
    };
  }
  return {
    folder: folders[0],
    note: folders.length > 1 ? `several folders are open: Ops Lens analyses the first, ${folders[0].name} (choose another with opsLens.workspaceFolder)` : undefined,
  };
}
