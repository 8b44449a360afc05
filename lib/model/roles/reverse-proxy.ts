/** Reverse proxy server (IIS Application Request Routing): a ReverseProxy of kind WINDOWS_SERVERS (TOPO-3). */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { roleProfile } from './profile';
import { PAGE } from './flow-pages';

export const REVERSE_PROXY = roleProfile({
  role: ServerRole.REVERSE_PROXY,
  // Configuration requirements for reverse proxy (Lync Server 2013 / SfB): the role's name there.
  displayName: 'Reverse Proxy',
  // Reverse proxy configuration: it sits in the perimeter and is not a member of the internal domain.
  domain: 'workgroup',
  // Its own software (IIS ARR); no Lync/SfB Server is installed on it (TOPO-1: never collocated).
  runsProduct: false,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 names Front End, Back End, Standard Edition, Persistent Chat and Director only; behind a load balancer one NIC is enough.
  singleNic: false,
  // Stateless: its publishing rules are rebuilt from the runbook, it keeps no user data.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // Stateless, rebuilt from its publishing rules, so the vault does not protect it.
  protectedByBackup: false,
  // No documented sizing for ARR in front of SfB: 2 vCPU / 8 GB general purpose, the smallest D-series v5.
  productionVmSize: 'Standard_D2s_v5',
  // Its own perimeter-facing subnet behind the public load balancer, so NSG rules name the proxy.
  subnets: [SubnetRole.REVERSE_PROXY],
  // B-series 2 vCPU / 4 GB: IIS with ARR for a lab's handful of users.
  labVmSize: 'Standard_B2s',
  // IIS for Application Request Routing and URL Rewrite (both installed from their packages, not as features).
  windowsFeatures: ['Web-Server', 'Web-Mgmt-Console', 'Web-Http-Logging', 'Web-Request-Monitor', 'Web-Filtering', 'NET-Framework-45-Core'],
  // Constructs that build it (Windows servers only; an Application Gateway has no servers): two, spread over the zones.
  serverCounts: [{ construct: 'ReverseProxy', prop: 'servers', default: 2, min: 1, max: 28, why: 'Two IIS ARR servers in two zones: external web access survives the loss of one' }],
  // ReverseProxy records its proxy there (its servers: none for an Application Gateway).
  groups: 'reverseProxies',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['reverse-proxy'],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // Published web services: from the proxy to the pools' web VIPs (the reverse proxy port summary).
    { key: 'rp-to-fe-lb-web', from: 'reverse-proxy', to: 'front-end', protocol: 'Tcp', ports: ['4443', '8080'], purpose: 'External web services from the reverse proxy (published 443 to 4443, 80 to 8080)', source: PAGE.REVERSE_PROXY, via: 'load-balancer' },
    { key: 'rp-to-director-web', from: 'reverse-proxy', to: 'director', protocol: 'Tcp', ports: ['4443', '8080'], purpose: 'External web services from the reverse proxy to the Director pool VIP', source: PAGE.REVERSE_PROXY, via: 'load-balancer' },

    // The proxy's listeners (ReverseProxy) and the farm it publishes.
    { key: 'internet-to-rp-https', from: 'internet', to: 'reverse-proxy', protocol: 'Tcp', ports: ['443'], purpose: 'Reverse proxy listener: Autodiscover, address book, meetings, dial-in, meeting content, Office Web Apps', source: PAGE.REVERSE_PROXY },
    { key: 'internet-to-rp-http', from: 'internet', to: 'reverse-proxy', protocol: 'Tcp', ports: ['80'], purpose: 'Reverse proxy listener (optional): redirection to HTTPS, Autodiscover over HTTP for mobile clients', source: PAGE.REVERSE_PROXY },
    { key: 'rp-to-owa', from: 'reverse-proxy', to: 'office-web-apps', protocol: 'Tcp', ports: ['443'], purpose: 'Reverse proxy to the Office Web Apps Server', source: PAGE.REVERSE_PROXY, when: ['office-web-apps'] },
  ],
});
