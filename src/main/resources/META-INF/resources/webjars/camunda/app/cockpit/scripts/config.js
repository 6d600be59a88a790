// Security Release Orchestrator: the header and the window title name the service, "Security
// Release Orchestrator <app>", rather than "Camunda <app>" (docs/webapps.md).
export default {
  app: {
    vendor: 'Security Release Orchestrator'
  }
};
