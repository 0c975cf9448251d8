// The Key Vault holding the desk's secrets and setting files. Access is by Azure RBAC: the
// desk's identity may read secrets (Key Vault Secrets User), nothing more.
@description('Name of the vault.')
param name string

@description('Azure region.')
param location string

@description('Tags of the vault.')
param tags object

@description('Principal id of the identity that reads the secrets.')
param secretsPrincipalId string

@description('Setting name → name of the secret that holds it; only settings given a value.')
param names object

@secure()
@description('Setting name → the value to store.')
param contents object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for entry in items(names): {
  parent: vault
  name: entry.value
  properties: {
    value: contents[entry.key]
  }
}]

// Key Vault Secrets User
var secretsUser = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4633458b-17de-408a-b874-0445c86b69e6'
)

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, secretsPrincipalId, secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: secretsUser
    principalId: secretsPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
// Ends with a slash: https://<name>.vault.azure.net/
output uri string = vault.properties.vaultUri
