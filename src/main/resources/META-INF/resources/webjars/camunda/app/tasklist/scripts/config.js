// Security Release Orchestrator: the header and the window title name the service, "Security
// Release Orchestrator Tasklist", rather than "Camunda Tasklist" (docs/webapps.md).
export default {
  // sign-in and sign-out through the identity provider, with single sign-on only (SingleSignOn)
  customScripts: ['scripts/sso'],

  app: {
    vendor: 'Security Release Orchestrator'
  },

  // Camunda's keyboard shortcuts, as its own config.js defines them (this file replaces it)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
