// Referral Desk in an Azure subscription: `azd up` provisions this, then deploys the image.
// The desk runs in Azure Container Apps, keeps its tables in a storage account reached with a
// user-assigned managed identity, reads its secrets from Key Vault, and Teams reaches it
// through an Azure Bot with the Teams channel.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment: names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource but the Azure Bot, which is global.')
param location string

@description('Whether the desk\'s container app exists already (azd sets it), so that provisioning keeps its image.')
param deskExists bool = false

// --- Azure Bot registration -----------------------------------------------------------------

@description('Application (client) id of the single-tenant Entra app registration of the bot.')
param microsoftAppId string

@secure()
@description('The value of a client secret of that app registration.')
param microsoftAppPassword string

@description('Directory (tenant) id of that app registration; by default the subscription\'s tenant.')
param microsoftAppTenantId string = tenant().tenantId

// --- Who may use the desk -------------------------------------------------------------------

@description('Tenant ids the desk answers, comma-separated. Empty: the app registration\'s tenant.')
param allowedTenants string = ''

@description('Who may link and unlink channels: owners, admins or members.')
param linkEditors string = 'owners'

@description('Admins of every region: comma-separated Entra object ids (or Teams user ids).')
param deskAdmins string = ''

// --- Storage, deliveries ----------------------------------------------------------------------

@description('Prefix of every table name (letters and digits, starting with a letter).')
param tablePrefix string = ''

@secure()
@description('Shared secret that signs deliveries to /api/referrals.')
param referralsWebhookSecret string

// --- Partner Center ---------------------------------------------------------------------------

@description('Directory (tenant) id of the partner\'s Partner Center account. Empty: no Partner Center.')
param partnerCenterTenantId string = ''

@description('Application (client) id of the app registration with the Partner Center API permission.')
param partnerCenterClientId string = ''

@secure()
@description('The value of a client secret of that app registration.')
param partnerCenterClientSecret string = ''

@secure()
@description('The first refresh token of the Partner Center user (npm run partner-center:login prints it).')
param partnerCenterRefreshToken string = ''

@secure()
@description('32 random bytes, base64: encrypts the renewed refresh token in table storage.')
param partnerCenterTokenKey string = ''

@description('Partner Center\'s Referrals API.')
param partnerCenterApiUrl string = 'https://api.partner.microsoft.com/v1.0/engagements/referrals'

@description('Entra ID, where the Partner Center tokens come from.')
#disable-next-line no-hardcoded-env-urls
param partnerCenterAuthorityUrl string = 'https://login.microsoftonline.com'

@description('Minutes between polls of Partner Center for changed referrals; 0: webhooks only.')
param partnerCenterPollMinutes string = '15'

@description('Hosts the webhooks\' signing certificate may be downloaded from, comma-separated.')
#disable-next-line no-hardcoded-env-urls
param partnerCenterCertificateHosts string = '3psostorageacct.blob.core.windows.net'

@description('Text the issuer of the webhooks\' signing certificate must name.')
param partnerCenterCertificateIssuer string = 'Microsoft'

@description('PEM file of the certificates the webhooks\' signing certificate must chain to, base64-encoded.')
param partnerCenterTrustAnchorsBase64 string = ''

// --- Routing and solutions --------------------------------------------------------------------

@description('The regions file (JSON), base64-encoded. Empty: the built-in americas, emea and apac.')
param regionsFileBase64 string = ''

@description('The solutions file (JSON), base64-encoded. Empty: the sample list.')
param solutionsFileBase64 string = ''

@description('The currency the digest compares deal values in (ISO code), with the exchange rates file. Empty: none.')
param digestCurrency string = ''

@description('The exchange rates into the digest currency (JSON), base64-encoded. Empty: none.')
param exchangeRatesFileBase64 string = ''

// --- Timing, working hours, language ----------------------------------------------------------

@description('Seconds between retries of cards that could not be posted or updated.')
param cardRetryIntervalSeconds string = '30'

@description('Seconds between looks for due reminders, escalations and expiries.')
param schedulerIntervalSeconds string = '30'

@description('How long after its arrival an unanswered referral gets a nudge in its thread.')
param responseNudgeAfter string = '20h'

@description('Reminders before an undecided referral expires, comma-separated.')
param remindBeforeExpiry string = '3d,1d,4h'

@description('How long before expiry the region\'s managers get a direct message about an undecided referral.')
param escalateBeforeExpiry string = '24h'

@description('How long after its estimated close date the owner of an accepted deal is asked for the outcome.')
param staleDealAfter string = '1d'

@description('Time zone of users whose Teams client has not told theirs (IANA name).')
param defaultTimeZone string = 'UTC'

@description('Start and end of the working day, local time.')
param workingHours string = '09:00-17:30'

@description('Working days, comma-separated.')
param workingDays string = 'mon,tue,wed,thu,fri'

@description('Language of channel cards and of users whose client speaks none the desk knows: en or de.')
param deskLanguage string = 'en'

// --- Hosting ----------------------------------------------------------------------------------

@description('Port the desk listens on inside its container.')
param port int = 3978

var tags = { 'azd-env-name': environmentName }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var appName = 'desk-${resourceToken}'
// What a new container app runs until `azd deploy` gives it the desk's own image.
var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'

// Settings with a plain value, by the names the desk reads (see env.sample).
var settings = {
  NODE_ENV: 'production'
  PORT: string(port)
  MicrosoftAppId: microsoftAppId
  MicrosoftAppType: 'SingleTenant'
  MicrosoftAppTenantId: microsoftAppTenantId
  ALLOWED_TENANTS: allowedTenants
  LINK_EDITORS: linkEditors
  DESK_ADMINS: deskAdmins
  TABLES_ACCOUNT_URL: storage.outputs.tableEndpoint
  AZURE_CLIENT_ID: identity.outputs.clientId
  TABLE_PREFIX: tablePrefix
  PARTNER_CENTER_TENANT_ID: partnerCenterTenantId
  PARTNER_CENTER_CLIENT_ID: partnerCenterClientId
  PARTNER_CENTER_API_URL: partnerCenterApiUrl
  PARTNER_CENTER_AUTHORITY_URL: partnerCenterAuthorityUrl
  PARTNER_CENTER_POLL_MINUTES: partnerCenterPollMinutes
  PARTNER_CENTER_CERTIFICATE_HOSTS: partnerCenterCertificateHosts
  PARTNER_CENTER_CERTIFICATE_ISSUER: partnerCenterCertificateIssuer
  CARD_RETRY_INTERVAL_SECONDS: cardRetryIntervalSeconds
  SCHEDULER_INTERVAL_SECONDS: schedulerIntervalSeconds
  RESPONSE_NUDGE_AFTER: responseNudgeAfter
  REMIND_BEFORE_EXPIRY: remindBeforeExpiry
  ESCALATE_BEFORE_EXPIRY: escalateBeforeExpiry
  STALE_DEAL_AFTER: staleDealAfter
  DEFAULT_TIME_ZONE: defaultTimeZone
  WORKING_HOURS: workingHours
  WORKING_DAYS: workingDays
  DESK_LANGUAGE: deskLanguage
  DIGEST_CURRENCY: digestCurrency
  BOT_DOMAIN: '${appName}.${containerAppsEnvironment.outputs.defaultDomain}'
}

// Settings that hold a secret: stored in Key Vault and handed to the container as Key Vault
// references, never as plain values.
var secretSettings = {
  MicrosoftAppPassword: microsoftAppPassword
  REFERRALS_WEBHOOK_SECRET: referralsWebhookSecret
  PARTNER_CENTER_CLIENT_SECRET: partnerCenterClientSecret
  PARTNER_CENTER_REFRESH_TOKEN: partnerCenterRefreshToken
  PARTNER_CENTER_TOKEN_KEY: partnerCenterTokenKey
}

// Settings that name a file. The content comes base64-encoded (an azd environment value
// cannot carry JSON's quotes into main.parameters.json), is stored in Key Vault and mounted
// into the container, and the setting names the mounted file.
var fileSettings = {
  REGIONS_FILE: regionsFileBase64
  SOLUTIONS_FILE: solutionsFileBase64
  EXCHANGE_RATES_FILE: exchangeRatesFileBase64
  PARTNER_CENTER_TRUST_ANCHORS: partnerCenterTrustAnchorsBase64
}

// Only the secrets and files given a value are stored and referenced: an empty one stays
// unset, which the desk reads as env.sample describes.
var storedSecrets = toObject(
  filter(items(secretSettings), setting => !empty(setting.value)),
  setting => setting.key,
  setting => vaultSecretName(setting.key)
)
var storedFiles = toObject(
  filter(items(fileSettings), setting => !empty(setting.value)),
  setting => setting.key,
  setting => vaultSecretName(setting.key)
)

@description('Key Vault and Container Apps secret name of a setting: lower case, dashes for underscores.')
func vaultSecretName(setting string) string => toLower(replace(setting, '_', '-'))

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-desk-${resourceToken}'
    location: location
    tags: tags
  }
}

module containerAppsEnvironment 'modules/containerAppsEnvironment.bicep' = {
  name: 'container-apps-environment'
  scope: rg
  params: {
    name: 'cae-${resourceToken}'
    logAnalyticsName: 'log-${resourceToken}'
    location: location
    tags: tags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  scope: rg
  params: {
    name: 'cr${resourceToken}'
    location: location
    tags: tags
    pullPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    tablesPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    secretsPrincipalId: identity.outputs.principalId
    names: union(storedSecrets, storedFiles)
    contents: union(
      secretSettings,
      toObject(items(fileSettings), setting => setting.key, setting => base64ToString(setting.value))
    )
  }
}

module existingImage 'modules/existingImage.bicep' = {
  name: 'existing-image'
  scope: rg
  params: {
    exists: deskExists
    name: appName
  }
}

module desk 'modules/containerApp.bicep' = {
  name: 'desk'
  scope: rg
  params: {
    name: appName
    location: location
    tags: union(tags, { 'azd-service-name': 'desk' })
    environmentId: containerAppsEnvironment.outputs.id
    identityId: identity.outputs.id
    registryServer: registry.outputs.loginServer
    image: empty(existingImage.outputs.image) ? placeholderImage : existingImage.outputs.image
    port: port
    keyVaultUri: keyVault.outputs.uri
    settings: settings
    secretSettings: storedSecrets
    fileSettings: storedFiles
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  scope: rg
  params: {
    name: 'bot-${resourceToken}'
    tags: tags
    microsoftAppId: microsoftAppId
    microsoftAppTenantId: microsoftAppTenantId
    endpoint: 'https://${desk.outputs.fqdn}/api/messages'
  }
}

output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_BOT_NAME string = bot.outputs.name
output AZURE_CONTAINER_APP_NAME string = desk.outputs.name
output DESK_URL string = 'https://${desk.outputs.fqdn}'
output BOT_DOMAIN string = desk.outputs.fqdn
output BOT_MESSAGING_ENDPOINT string = bot.outputs.endpoint
