// The Container Apps environment (consumption) and the Log Analytics workspace its apps'
// console output and system events go to.
@description('Name of the Container Apps environment.')
param name string

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Azure region.')
param location string

@description('Tags of both resources.')
param tags object

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appsEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
    zoneRedundant: false
  }
}

output id string = appsEnvironment.id
output defaultDomain string = appsEnvironment.properties.defaultDomain
