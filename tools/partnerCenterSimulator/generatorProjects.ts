/** What the customers of generated referrals need: projects with their notes, solutions and deal sizes. */

/** What customers ask for: the deal name's project, a note, the solutions and products it names. */
export interface Project {
  name: string;
  notes: string;
  products: string[];
  services: string[];
  solutions: { id: string; name: string; type: 'Category' | 'Name' }[];
  /** Typical deal size in US dollars, smallest and largest. */
  dollars: [number, number];
}

/** The projects generated referrals are about. */
export const PROJECTS: readonly Project[] = [
  {
    name: 'cloud migration',
    notes: 'Move the on-premises servers of two data centres to Azure before the hardware lease ends.',
    products: ['Azure'],
    services: ['Migration', 'Deployment'],
    solutions: [{ id: 'AzureMigration', name: 'Azure migration', type: 'Category' }],
    dollars: [40_000, 400_000],
  },
  {
    name: 'Microsoft 365 Copilot rollout',
    notes: 'Roll out Copilot to the sales and finance departments, with data governance and training.',
    products: ['Microsoft365'],
    services: ['Deployment', 'Training'],
    solutions: [{ id: 'ModernWork', name: 'Modern work', type: 'Category' }],
    dollars: [15_000, 150_000],
  },
  {
    name: 'security operations centre',
    notes: 'Replace the current SIEM with Microsoft Sentinel and have the alerts watched around the clock.',
    products: ['Azure', 'Microsoft365'],
    services: ['ManagedServices', 'Deployment'],
    solutions: [{ id: 'Security', name: 'Security', type: 'Category' }],
    dollars: [30_000, 250_000],
  },
  {
    name: 'data platform on Fabric',
    notes: 'Bring sales, stock and web data into one place and build the management reports on it.',
    products: ['Azure', 'PowerPlatform'],
    services: ['CustomSolution(ISV)', 'Integration'],
    solutions: [
      { id: 'DataAndAI', name: 'Data and AI', type: 'Category' },
      { id: 'Analytics', name: 'Analytics', type: 'Category' },
    ],
    dollars: [25_000, 300_000],
  },
  {
    name: 'Dynamics 365 Sales implementation',
    notes: 'Replace spreadsheets and an old CRM with Dynamics 365 Sales for about 80 sellers.',
    products: ['Dynamics365Enterprise'],
    services: ['Deployment', 'Integration', 'Training'],
    solutions: [{ id: 'BusinessApplications', name: 'Business applications', type: 'Category' }],
    dollars: [20_000, 200_000],
  },
  {
    name: 'virtual desktops',
    notes: 'Give the call centre and remote staff Azure Virtual Desktop instead of ageing laptops.',
    products: ['Azure'],
    services: ['Deployment', 'ManagedServices'],
    solutions: [{ id: 'AzureVirtualDesktop', name: 'Azure Virtual Desktop', type: 'Name' }],
    dollars: [10_000, 120_000],
  },
  {
    name: 'Teams Phone rollout',
    notes: 'Move the branch offices off the old phone system to Teams Phone with calling plans.',
    products: ['Microsoft365'],
    services: ['Deployment'],
    solutions: [{ id: 'ModernWork', name: 'Modern work', type: 'Category' }],
    dollars: [5_000, 60_000],
  },
];
