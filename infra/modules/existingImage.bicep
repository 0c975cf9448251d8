// The image the desk's container app runs now, so that provisioning again keeps the image the
// last `azd deploy` put there. A module of its own: in the template that deploys the app,
// reading the app would make the app depend on itself.
@description('Whether the container app exists.')
param exists bool

@description('Name of the container app.')
param name string

resource app 'Microsoft.App/containerApps@2024-03-01' existing = if (exists) {
  name: name
}

output image string = exists ? app.properties.template.containers[0].image : ''
