/**
 * Settings env.sample documents that the Azure deployment leaves unset on purpose, each with
 * the reason. Every other setting is written to the desk's container by infra/main.bicep; the
 * deployment tests fail when a setting is in neither place, or in both.
 */
export const LOCAL_ONLY_SETTINGS: Readonly<Record<string, string>> = {
  // The embedded table store, for a run without a storage account.
  DATA_DIR:
    'only the embedded table store writes there; in Azure the tables are in a storage account (TABLES_ACCOUNT_URL)',
  TABLES_CONNECTION_STRING:
    'in Azure the desk reaches its storage account with its managed identity, never with an account key',
  // The local Partner Center simulator.
  PARTNER_CENTER_SIMULATOR:
    'the local Partner Center: auto never starts it once MicrosoftAppId is set, and production does not load it',
  PARTNER_CENTER_SIMULATOR_PORT: 'the port of that local simulator',
  // Authentication is on in Azure.
  INSECURE_LISTEN_WITHOUT_AUTHENTICATION:
    'opens an unauthenticated desk to the network; production refuses it and Azure sets MicrosoftAppId',
  // Developer and admin tools on a workstation.
  PLAYGROUND_PORT: "npm run playground, on a developer's machine",
  TEAMS_APP_ID: "npm run package reads it on the admin's machine, to build the Teams app package",
  DEVELOPER_NAME: 'npm run package (the publisher in the Teams app manifest)',
  DEVELOPER_WEBSITE_URL: 'npm run package (the Teams app manifest)',
  DEVELOPER_PRIVACY_URL: 'npm run package (the Teams app manifest)',
  DEVELOPER_TERMS_URL: 'npm run package (the Teams app manifest)',
};
