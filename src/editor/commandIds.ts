/** Every command id, in one place; a unit test checks them against package.json. */
export const COMMANDS = {
  refreshSignals: 'opsLens.refreshSignals',
  analyzeWorkspace: 'opsLens.analyzeWorkspace',
  setBackendCredentials: 'opsLens.setBackendCredentials',
  clearBackendCredentials: 'opsLens.clearBackendCredentials',
  showOutput: 'opsLens.showOutput',
  openRecipeLocation: 'opsLens.openRecipeLocation',
  switchScope: 'opsLens.switchScope',
  snoozeWarning: 'opsLens.snoozeWarning',
  showQueries: 'opsLens.showQueries',
  refreshReleases: 'opsLens.refreshReleases',
  openReleaseBrief: 'opsLens.openReleaseBrief',
  copyReleaseBrief: 'opsLens.copyReleaseBrief',
  compareReleases: 'opsLens.compareReleases',
  openReleaseLocation: 'opsLens.openReleaseLocation',
  setGitHubToken: 'opsLens.setGitHubToken',
  requestEnvironmentChange: 'opsLens.requestEnvironmentChange',
  refreshChangeRequests: 'opsLens.refreshChangeRequests',
  openChangeRequestLink: 'opsLens.openChangeRequestLink',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export const VIEWS = {
  services: 'opsLens.services',
  releases: 'opsLens.releases',
  changeRequests: 'opsLens.changeRequests',
} as const;
