import type { SignalSet } from './signalSet';

/** Format version of a recorded snapshot: bump when SignalSet changes incompatibly. */
export const SNAPSHOT_VERSION = 1;

export interface SnapshotFile {
  opsLensSnapshot: number;
  recordedAt: string;
  signals: SignalSet;
}

export function serialiseSnapshot(signals: SignalSet, recordedAt = new Date()): string {
  const recordedFrom = signals.source.kind === 'prometheus' ? signals.source.url : undefined;
  const file: SnapshotFile = {
    opsLensSnapshot: SNAPSHOT_VERSION,
    recordedAt: recordedAt.toISOString(),
    signals: { ...signals, source: { kind: 'snapshot', file: '', recordedFrom } },
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Throws an Error with a one-line reason when the text is not a snapshot this version can read. */
export function parseSnapshot(text: string, file: string): SignalSet {
  let data: Partial<SnapshotFile>;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // JSON.parse quotes the offending text, newlines included: keep the reason to one line.
    throw new Error(`${file} is not valid JSON (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 200)})`);
  }
  if (data?.opsLensSnapshot !== SNAPSHOT_VERSION || !data.signals || !Array.isArray(data.signals.services)) {
    throw new Error(`${file} is not an Ops Lens signals snapshot (version ${SNAPSHOT_VERSION})`);
  }
  const recordedFrom = data.signals.source?.kind === 'snapshot' ? data.signals.source.recordedFrom : undefined;
  return { ...data.signals, source: { kind: 'snapshot', file, recordedFrom }, notes: data.signals.notes ?? [] };
}
