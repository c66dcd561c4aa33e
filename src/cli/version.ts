import { version } from '../../package.json';

/** The package's version: what `ops-lens --version` prints and SARIF names as the tool's version. */
export const VERSION: string = version;
