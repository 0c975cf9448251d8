// The storage account whose tables hold everything the desk keeps. The desk reaches them with
// its managed identity (Storage Table Data Contributor); it never gets the account's keys.
@description('Name of the storage account (lower-case letters and digits).')
param name string

@description('Azure region.')
param location string

@description('Tags of the account.')
param tags object

@description('Principal id of the identity that reads and writes the tables.')
param tablesPrincipalId string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Kept for the portal's Storage browser and for tools; the desk itself uses its identity.
    allowSharedKeyAccess: true
    publicNetworkAccess: 'Enabled'
  }
}

// Storage Table Data Contributor: create tables, read and write their entities.
var tableDataContributor = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
)

resource tablesAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, tablesPrincipalId, tableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: tableDataContributor
    principalId: tablesPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = account.name
// The form TABLES_ACCOUNT_URL takes (no trailing slash).
output tableEndpoint string = 'https://${account.name}.table.${environment().suffixes.storage}'
