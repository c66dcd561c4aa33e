import type { RouteHandler } from '../core/code/codeModel';
import { findRouteSignals } from '../core/insights/hazardWarnings';
import { serviceForFile } from '../core/model/environment';
import { signalsFor, type RouteSignals, type ServiceSignals } from '../core/signals/signalSet';
import type { SignalsService } from './signalsService';
import type { WorkspaceAnalyzer } from './workspaceAnalyzer';

export interface RouteWithSignals {
  route: RouteHandler;
  signals: RouteSignals;
  service: ServiceSignals;
}

/** The routes of a file that have production data, joined with it. */
export function routesWithSignals(file: string, analyzer: WorkspaceAnalyzer, signals: SignalsService): RouteWithSignals[] {
  const snap = analyzer.snapshot;
  const analysis = snap.files.get(file);
  const set = signals.state.signals;
  if (!analysis || !set) return [];
  const service = serviceForFile(snap.model, file);
  const ss = service ? signalsFor(set, service.name) : undefined;
  if (!ss) return [];
  const out: RouteWithSignals[] = [];
  for (const route of analysis.routes) {
    const rs = findRouteSignals(ss, route);
    if (rs) out.push({ route, signals: rs, service: ss });
  }
  return out;
}
