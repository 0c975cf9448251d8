// The Azure Bot registration (free tier) of the single-tenant app, pointed at the desk's
// /api/messages, with the Microsoft Teams channel on.
@description('Name of the bot resource (globally unique).')
param name string

@description('Tags of the bot.')
param tags object

@description('Name the bot shows in the Azure portal.')
param displayName string = 'Referral Desk'

@description('Application (client) id of the bot\'s app registration.')
param microsoftAppId string

@description('Directory (tenant) id of that app registration.')
param microsoftAppTenantId string

@description('The messaging endpoint: https://<host>/api/messages.')
param endpoint string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: microsoftAppId
    msaAppTenantId: microsoftAppTenantId
    msaAppType: 'SingleTenant'
  }
}

// The Teams channel; ARM names it MsTeamsChannel.
resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
output endpoint string = bot.properties.endpoint
