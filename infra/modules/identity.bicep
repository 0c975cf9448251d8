// The desk's user-assigned managed identity: it pulls the image, reads the secrets and
// reaches the tables, so the app holds no key or connection string.
@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

@description('Tags of the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
