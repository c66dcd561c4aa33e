import type * as vscode from 'vscode';
import type { Logger } from '../core/host/logger';

/** The core's logger, written to the "Ops Lens" log channel; the channel's level filter applies. */
export function channelLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    trace: (m) => channel.trace(m),
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
  };
}
