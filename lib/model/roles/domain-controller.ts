/** The lab's domain controller, one per site: AD DS and the DNS the lab's networks resolve through. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { roleProfile } from './profile';
import { PAGE } from './flow-pages';
import { DIRECTORY_TCP_PORTS, DIRECTORY_UDP_PORTS } from './directory-flows';

export const DOMAIN_CONTROLLER = roleProfile({
  role: ServerRole.DOMAIN_CONTROLLER,
  // Active Directory's name for the role.
  displayName: 'Domain Controller',
  // It holds the domain the members join; it does not join it.
  domain: 'controller',
  // AD DS and DNS only: no Lync/SfB software.
  runsProduct: false,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 names no domain controller.
  singleNic: false,
  // Lab only: AD replicates between the sites' controllers, nothing to restore from a vault.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // Lab only, and AD replicates: a lost controller is rebuilt and re-promoted.
  protectedByBackup: false,
  // No documented product hardware recommendation for a domain controller.
  productionVmSize: 'Standard_D4s_v5',
  // Shared infrastructure: every site's members resolve and authenticate through it.
  subnets: [SubnetRole.INFRASTRUCTURE],
  // B-series 2 vCPU / 4 GB: AD DS and DNS for a lab.
  labVmSize: 'Standard_B2s',
  // The controller's promotion script installs AD DS and DNS.
  windowsFeatures: ['AD-Domain-Services', 'DNS'],
  // The lab builds one per site (AD replicates between them): no count to give.
  serverCounts: [],
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['domain-controller'],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // Active Directory in lab mode: every domain member to its domain controllers.
    { key: 'dc-to-dc-tcp', from: 'domain-controller', to: 'domain-controller', protocol: 'Tcp', ports: DIRECTORY_TCP_PORTS, purpose: 'Replication between the domain controllers of the sites (RPC, LDAP, DFSR, Kerberos)', source: PAGE.AD_PORTS, when: ['lab'] },
    { key: 'dc-to-dc-udp', from: 'domain-controller', to: 'domain-controller', protocol: 'Udp', ports: DIRECTORY_UDP_PORTS, purpose: 'DNS, Kerberos, time and LDAP between the domain controllers', source: PAGE.AD_PORTS, when: ['lab'] },
    { key: 'clients-to-dc-tcp', from: 'internal-clients', to: 'domain-controller', protocol: 'Tcp', ports: DIRECTORY_TCP_PORTS, purpose: 'Domain clients to the lab domain controllers', source: PAGE.AD_PORTS, when: ['lab'] },
    { key: 'clients-to-dc-udp', from: 'internal-clients', to: 'domain-controller', protocol: 'Udp', ports: DIRECTORY_UDP_PORTS, purpose: 'Domain clients to the lab domain controllers', source: PAGE.AD_PORTS, when: ['lab'] },
  ],
});
