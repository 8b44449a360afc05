/** Director: authenticates remote users and redirects them to their home pool. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS, DIRECTOR_IIS } from './features';
import { roleProfile } from './profile';
import { PAGE } from './flow-pages';
import { domainMemberFlows } from './directory-flows';

export const DIRECTOR = roleProfile({
  role: ServerRole.DIRECTOR,
  // The product's own name for the role.
  displayName: 'Director',
  // Server requirements: every internal server is a member of the AD domain.
  domain: 'member',
  // It runs Lync/SfB Server itself.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements: it holds only what the Central Management store gives back.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Edge, Director and Mediation share one floor.
  sizingFamily: 'edge-director-mediation',
  // A subnet per role, so NSG rules name the role.
  subnets: [SubnetRole.DIRECTOR],
  // B-series 2 vCPU / 8 GB: the cheapest size that runs the role at all.
  labVmSize: 'Standard_B2ms',
  // Server requirements: All Servers plus the Director IIS modules.
  windowsFeatures: [...ALL_SERVERS, ...DIRECTOR_IIS, 'Desktop-Experience'],
  // Constructs that build it: two, the fewest that give a Director pool high availability (DIR-2).
  serverCounts: [{ construct: 'DirectorPool', prop: 'servers', default: 2, min: 1, max: 100, why: 'Two Directors: the fewest that give the pool high availability (DIR-2)' }],
  // DirectorPool records its pool there.
  groups: 'directorPools',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['director'],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // Central Management store replication from the pool that hosts it and its standby (ports-and-protocols.md, All Servers rows).
    { key: 'cms-to-servers-smb-director', from: 'front-end', to: 'director', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to the Directors', source: PAGE.PORTS, when: ['hosts-cms'] },
    { key: 'cms-to-servers-sql-browser-director', from: 'front-end', to: 'director', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser for the Director\'s local replica of the Central Management store', source: PAGE.PORTS, when: ['hosts-cms'] },

    // Directors (ports-and-protocols.md "Directors" rows, the HLB tables, the Edge internal table).
    { key: 'clients-to-director-sip', from: 'internal-clients', to: 'director', protocol: 'Tcp', ports: ['5061'], purpose: 'Client connections to the Director (SIP/TLS)', source: PAGE.PORTS },
    { key: 'clients-to-director-web', from: 'internal-clients', to: 'director', protocol: 'Tcp', ports: ['443', '80'], purpose: 'Web services of the Director through its load balancer', source: PAGE.PORTS, via: 'load-balancer' },
    { key: 'fe-to-director-sip', from: 'front-end', to: 'director', protocol: 'Tcp', ports: ['5061'], purpose: 'Internal SIP between servers and the Director', source: PAGE.PORTS },
    { key: 'fe-to-director-inter-server', from: 'front-end', to: 'director', protocol: 'Tcp', ports: ['444'], purpose: 'Inter-server HTTPS between Front End and Director; client certificate publish and validate', source: PAGE.PORTS },
    { key: 'director-to-fe-sip', from: 'director', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP from the Director to the users\' home pools (redirect, proxy)', source: PAGE.PORTS },
    { key: 'director-to-fe-inter-server', from: 'director', to: 'front-end', protocol: 'Tcp', ports: ['444'], purpose: 'Inter-server HTTPS between Director and Front End (client certificate publish to Front End Servers)', source: PAGE.PORTS },
    {
      key: 'director-to-fe-web', from: 'director', to: 'front-end', protocol: 'Tcp', ports: ['80', '443', '4443'], purpose: 'Director to the web farm FQDNs of the pools (80 at first, then 443) and Autodiscover inter-pool HTTPS (4443)',
      source: PAGE.PORTS, note: 'The Director rows 80/443 say "communication from Directors to the web farm FQDNs"; 4443 is the Front End row "HTTPS Front End inter-pool communications for Autodiscover sign-in".',
    },
    { key: 'director-to-director-static-routes', from: 'director', to: 'director', protocol: 'Tcp', ports: ['5060'], purpose: 'Optional static routes to trusted services', source: PAGE.PORTS, when: ['static-routes'] },
    { key: 'director-lb-hlb-sip', from: 'front-end', to: 'director', protocol: 'Tcp', ports: ['5061', '444'], purpose: 'Director load balancer: SIP and inter-server HTTPS (HLB-only pool)', source: PAGE.PORTS, when: ['hardware-load-balancing'], via: 'load-balancer' },
    { key: 'clients-director-lb-hlb-sip', from: 'internal-clients', to: 'director', protocol: 'Tcp', ports: ['5061'], purpose: 'Director load balancer: client SIP (HLB-only pool)', source: PAGE.PORTS, when: ['hardware-load-balancing'], via: 'load-balancer' },
    { key: 'director-pool-windows-fabric', from: 'director', to: 'director', protocol: 'Tcp', ports: ['5090-5094'], purpose: 'Windows Fabric between the Directors of a pool (the Director runs the Registrar)', source: PAGE.TBXML, scope: 'same-pool', note: 'Derived: the Registrar service binds WinFab 5090-5094; the sample topology has no Director.' },

    // Lab mode: to the domain controllers.
    ...domainMemberFlows('director', 'director'),
  ],
});
