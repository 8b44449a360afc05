/** Office Online Server (formerly Office Web Apps Server): renders PowerPoint content in meetings. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { roleProfile } from './profile';
import { PAGE } from './flow-pages';
import { domainMemberFlows } from './directory-flows';

export const OFFICE_ONLINE_SERVER = roleProfile({
  role: ServerRole.OFFICE_ONLINE_SERVER,
  // Microsoft's name of the product since 2016 (Office Web Apps Server before).
  displayName: 'Office Online Server',
  // OWA-3 (Plan for Office Web Apps Server, Skype for Business): the farm must be domain-joined, hence internal.
  domain: 'member',
  // Its own product (officeonlineserver docs), no Lync/SfB software: OWA-1 keeps SfB roles off it.
  runsProduct: false,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 names Front End, Back End, Standard Edition, Persistent Chat and Director only.
  singleNic: false,
  // Plan Office Online Server: the farm keeps no user data (documents stay in their host), so rebuild it.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // Stateless: reinstalling from the farm's settings restores it, so the vault does not protect it.
  protectedByBackup: false,
  // Plan Office Online Server (officeonlineserver/plan-office-online-server): "the same minimum hardware
  // requirements as SharePoint Server 2016", whose web or application server of a production farm needs
  // 64-bit 4 cores and 16 GB. Cores are physical cores, as VM-1 counts them (lib/model/vm-sizes.ts): a
  // Dsv5 vCPU is a hyperthread, so Standard_D4s_v5 has 2; Standard_D8s_v5 has 4 cores and 32 GB.
  productionVmSize: 'Standard_D8s_v5',
  // Its own internal subnet, so NSG rules name the farm (OWA-3: internal placement).
  subnets: [SubnetRole.OFFICE_ONLINE],
  // B-series 2 vCPU / 8 GB: the cheapest size that runs the role at all.
  labVmSize: 'Standard_B2ms',
  // Deploy Office Online Server: the Windows Server 2016+ prerequisite features.
  windowsFeatures: [
    'Web-Server', 'Web-Mgmt-Tools', 'Web-Mgmt-Console', 'Web-WebServer', 'Web-Common-Http', 'Web-Default-Doc',
    'Web-Static-Content', 'Web-Performance', 'Web-Stat-Compression', 'Web-Dyn-Compression', 'Web-Security',
    'Web-Filtering', 'Web-Windows-Auth', 'Web-App-Dev', 'Web-Net-Ext45', 'Web-Asp-Net45', 'Web-ISAPI-Ext',
    'Web-ISAPI-Filter', 'Web-Includes', 'NET-Framework-Features', 'NET-Framework-45-Features',
    'NET-Framework-Core', 'NET-Framework-45-Core', 'NET-HTTP-Activation', 'NET-Non-HTTP-Activ',
    'NET-WCF-HTTP-Activation45', 'Windows-Identity-Foundation', 'Server-Media-Foundation',
  ],
  // Constructs that build it: two behind the farm's internal load balancer (OWA-2).
  serverCounts: [{ construct: 'OfficeOnlineServerFarm', prop: 'servers', default: 2, min: 1, max: 28, why: 'Two Office Online Servers behind one farm address: presenting survives the loss of one (OWA-2)' }],
  // OfficeOnlineServerFarm records its farm there.
  groups: 'officeOnlineFarms',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['office-web-apps'],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // Office Online Server farm (OfficeOnlineServerFarm): the Front Ends and internal clients reach it.
    { key: 'fe-to-owa', from: 'front-end', to: 'office-web-apps', protocol: 'Tcp', ports: ['443'], purpose: 'Front End Servers connect to the Office Web Apps Server', source: PAGE.PORTS, when: ['office-web-apps'] },
    { key: 'clients-to-owa', from: 'internal-clients', to: 'office-web-apps', protocol: 'Tcp', ports: ['443'], purpose: 'Internal clients reach the Office Web Apps Server over HTTPS', source: PAGE.REVERSE_PROXY, when: ['office-web-apps'] },

    // Lab mode: to the domain controllers.
    // Office Online Server must be a domain member (Plan Office Online Server).
    ...domainMemberFlows('office-web-apps', 'oos'),
  ],
});
