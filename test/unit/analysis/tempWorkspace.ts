import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real folder for a whole-workspace analysis, made in `before` and removed in `after`. */
export class TempWorkspace {
  dir = '';

  constructor(private readonly prefix: string) {}

  create(): void {
    this.dir = mkdtempSync(join(tmpdir(), `ops-lens-${this.prefix}-`));
  }

  write(file: string, text: string): void {
    mkdirSync(join(this.dir, file, '..'), { recursive: true });
    writeFileSync(join(this.dir, file), text);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
