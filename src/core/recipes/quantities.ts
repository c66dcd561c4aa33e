/**
 * Kubernetes resource quantities and Compose sizes, parsed exactly.
 * CPU is returned in cores, memory in bytes; undefined means "not a quantity we understand".
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export function parseQuantity(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  const factor = BINARY[suffix] ?? DECIMAL[suffix];
  return factor === undefined ? undefined : n * factor;
}

/** CPU quantity in cores: `500m` → 0.5, `1.5` → 1.5, Compose `"0.50"` → 0.5. */
export function parseCpu(raw: unknown): number | undefined {
  const v = parseQuantity(raw);
  return v !== undefined && v >= 0 ? v : undefined;
}

/**
 * Memory in bytes. Kubernetes suffixes are exact (`512Mi`, `1G`); Compose also accepts
 * docker's `512m`/`1g`/`512M`/`1gb`, which are binary units.
 */
export function parseMemory(raw: unknown, flavour: 'kubernetes' | 'compose' = 'kubernetes'): number | undefined {
  if (flavour === 'compose' && typeof raw === 'string') {
    const m = /^(\d+(?:\.\d+)?)\s*([bkmg])b?$/i.exec(raw.trim());
    if (m) {
      const unit = m[2].toLowerCase();
      const factor = unit === 'b' ? 1 : unit === 'k' ? 2 ** 10 : unit === 'm' ? 2 ** 20 : 2 ** 30;
      return Number(m[1]) * factor;
    }
  }
  const v = parseQuantity(raw);
  return v !== undefined && v >= 0 ? v : undefined;
}

export function formatCores(cores: number): string {
  return cores < 1 ? `${Math.round(cores * 1000)}m` : `${+cores.toFixed(2)}`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${+v.toFixed(1)} ${units[i]}`;
}
