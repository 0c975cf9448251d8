// The desk's container app: one replica at least, so that the scheduler keeps running and
// Teams gets its answers within 15 seconds without a cold start; a few more under load (the
// desk coordinates its instances with leases in Table storage).
@description('Name of the container app.')
param name string

@description('Azure region.')
param location string

@description('Tags of the app; azd finds the app by its azd-service-name tag.')
param tags object

@description('Resource id of the Container Apps environment.')
param environmentId string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Login server of the registry the image comes from.')
param registryServer string

@description('The image to run.')
param image string

@description('Port the desk listens on.')
param port int

@description('URI of the Key Vault holding the secrets and setting files, ending with a slash.')
param keyVaultUri string

@description('Settings with a plain value: name → value. Empty ones are left out: the desk reads them as not set.')
param settings object

@description('Settings that hold a secret: name → the Key Vault secret the app references for it.')
param secretSettings object

@description('Settings that name a file: name → the Key Vault secret holding it, mounted under configDirectory.')
param fileSettings object

@minValue(1)
@description('Fewest replicas.')
param minReplicas int = 1

@minValue(1)
@description('Most replicas.')
param maxReplicas int = 3

// Where the setting files are mounted (read-only).
var configDirectory = '/etc/referral-desk'

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
      // Key Vault references: the app reads each secret with its identity; no value is copied here.
      secrets: map(items(union(secretSettings, fileSettings)), secret => {
        name: secret.value
        keyVaultUrl: '${keyVaultUri}secrets/${secret.value}'
        identity: identityId
      })
    }
    template: {
      containers: [
        {
          name: 'desk'
          image: image
          resources: {
            cpu: json('0.25')
            memory: '0.5Gi'
          }
          env: concat(
            map(filter(items(settings), setting => !empty(setting.value)), setting => {
              name: setting.key
              value: setting.value
            }),
            map(items(secretSettings), setting => {
              name: setting.key
              secretRef: setting.value
            }),
            map(items(fileSettings), setting => {
              name: setting.key
              value: '${configDirectory}/${setting.value}'
            })
          )
          volumeMounts: empty(fileSettings) ? [] : [
            {
              volumeName: 'setting-files'
              mountPath: configDirectory
            }
          ]
          // /healthz answers 503 until storage answers, and while it does not.
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: port
              }
              initialDelaySeconds: 3
              periodSeconds: 10
              timeoutSeconds: 3
              failureThreshold: 10
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/healthz'
                port: port
              }
              periodSeconds: 10
              timeoutSeconds: 3
              failureThreshold: 3
            }
            // Alive while it accepts connections: a storage outage is not cured by a restart.
            {
              type: 'Liveness'
              tcpSocket: {
                port: port
              }
              periodSeconds: 30
              timeoutSeconds: 3
              failureThreshold: 3
            }
          ]
        }
      ]
      // Only the setting files are mounted, each by its own secret (a volume listing no
      // secrets would mount them all).
      volumes: empty(fileSettings) ? [] : [
        {
          name: 'setting-files'
          storageType: 'Secret'
          secrets: map(items(fileSettings), setting => {
            secretRef: setting.value
            path: setting.value
          })
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

output name string = app.name
output fqdn string = app.properties.configuration.ingress.fqdn
