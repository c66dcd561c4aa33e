import type { Range } from '../core/model/location';
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
  /** Where it shows in this file: the registration, or the handler of a route registered in another file. */
  at: Range;
}

/**
 * The routes of a file that have production data, joined with it: those registered in it, and those registered
 * elsewhere whose handler is written in it (a Django view, an Express controller, a Go handler func).
 */
export function routesWithSignals(file: string, analyzer: WorkspaceAnalyzer, signals: SignalsService): RouteWithSignals[] {
  const snap = analyzer.snapshot;
  const analysis = snap.files.get(file);
  const set = signals.state.signals;
  if (!analysis || !set) return [];
  const out: RouteWithSignals[] = [];
  // The service of the registration: a route is served by the process that registers it. Asked once per file (this
  // runs on every CodeLens and hover request, and a view module may handle dozens of routes of one urls.py).
  const byFile = new Map<string, ServiceSignals | undefined>();
  const serviceOf = (registeredIn: string) => {
    if (!byFile.has(registeredIn)) {
      const service = serviceForFile(snap.model, registeredIn, { registersRoutes: true });
      byFile.set(registeredIn, service ? signalsFor(set, service.name) : undefined);
    }
    return byFile.get(registeredIn);
  };
  const add = (route: RouteHandler, at: Range) => {
    const ss = serviceOf(route.file);
    const rs = ss ? findRouteSignals(ss, route) : undefined;
    if (ss && rs) out.push({ route, signals: rs, service: ss, at });
  };
  // (A route registered in another file, served here on the app that file builds, has its CodeLens there.)
  for (const route of analysis.routes) if (route.file === analysis.file) add(route, route.declaration);
  for (const h of analysis.handled ?? []) add(h.route, h.at);
  return out;
}
