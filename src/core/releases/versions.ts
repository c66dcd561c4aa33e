import semver from 'semver';

/** A tag read as a release version. */
export interface TagVersion {
  version: string;
  prerelease: boolean;
}

/**
 * Reads a tag name as a semantic version: `v1.2.3`, `1.2.3`, `v1.2.3-rc.1`, optionally after a configured
 * prefix (`orders/`, `release-`). Anything else (`latest`, `deploy-2024-05`) is not a release tag.
 */
export function versionOfTag(name: string, prefix = ''): TagVersion | undefined {
  if (prefix && !name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  // Strict: a tag is a release only when it is a whole semantic version, so `build-17` never sorts as 17.0.0.
  const parsed = semver.parse(rest.replace(/^v(?=\d)/, ''));
  if (!parsed) return undefined;
  return { version: parsed.version, prerelease: parsed.prerelease.length > 0 };
}

/** Release branch names: `release/1.5`, `releases/v1.5.0`, `release-1.5`, `release_1.5` (also under `origin/`). */
const RELEASE_BRANCH = /^(?:[^/]+\/)?releases?[/_-]v?(\d+(?:\.\d+){0,2})$/;

/** The version a release branch will ship, as a full version (`release/1.5` → `1.5.0`), or undefined. */
export function versionOfBranch(name: string): string | undefined {
  const m = RELEASE_BRANCH.exec(name);
  if (!m) return undefined;
  return semver.coerce(m[1])?.version;
}

/**
 * The version a person wrote (schedule file, milestone title "v1.5", "Release 1.5.0"): the exact version when
 * it is one, otherwise the first version-looking part coerced (`1.5` → `1.5.0`).
 */
export function versionOfText(text: string): string | undefined {
  const exact = semver.valid(text.trim().replace(/^v(?=\d)/, ''));
  if (exact) return exact;
  return semver.coerce(text)?.version;
}

export function compareVersions(a: string, b: string): number {
  const va = semver.valid(a);
  const vb = semver.valid(b);
  if (va && vb) return semver.compare(va, vb);
  if (va) return -1;
  if (vb) return 1;
  return a.localeCompare(b);
}

export function nextMinor(version: string | undefined): string {
  return version ? (semver.inc(version, 'minor') ?? '0.1.0') : '0.1.0';
}

export function nextPatch(version: string): string {
  return semver.inc(version, 'patch') ?? version;
}

/** `1.5.0-rc.1` → `1.5.0`. */
export function finalVersion(version: string): string {
  const p = semver.parse(version);
  return p ? `${p.major}.${p.minor}.${p.patch}` : version;
}

export function sameMinor(a: string, b: string): boolean {
  const pa = semver.parse(a);
  const pb = semver.parse(b);
  return !!pa && !!pb && pa.major === pb.major && pa.minor === pb.minor;
}
