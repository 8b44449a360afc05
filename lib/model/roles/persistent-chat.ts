/** Persistent Chat server of a (stretched) chat pool; its rooms live in the chat SQL databases. */
import { SubnetRole } from '../network';
import { ServerRole } from '../topology';
import { ALL_SERVERS } from './features';
import { roleProfile } from './profile';
import { PAGE, NOT_2019 } from './flow-pages';
import { domainMemberFlows } from './directory-flows';

export const PERSISTENT_CHAT = roleProfile({
  role: ServerRole.PERSISTENT_CHAT,
  // The product's own name for the role.
  displayName: 'Persistent Chat',
  // Server requirements: every internal server is a member of the AD domain.
  domain: 'member',
  // It runs Lync/SfB Server itself.
  runsProduct: true,
  // Running Lync Server 2013 on virtual servers names Front End, Edge and Mediation only.
  liveMigrationAdvisedAgainst: false,
  // FE-17 (Server requirements): multi-homed servers of this role are not supported.
  singleNic: true,
  // Backup and restoration requirements: chat content is in the chat databases, not on the servers.
  holdsRestoreData: false,
  // The export task runs on members of the pool the exports read, not here.
  writesConfigExports: false,
  // The restore procedure rebuilds it, so the site's vault protects it.
  protectedByBackup: true,
  // Server hardware platforms: Persistent Chat follows the Front End floor.
  sizingFamily: 'pool-core',
  // A subnet per role, so NSG rules name the role.
  subnets: [SubnetRole.PERSISTENT_CHAT],
  // B-series 2 vCPU / 8 GB: the cheapest size that runs the role at all.
  labVmSize: 'Standard_B2ms',
  // Server requirements: Persistent Chat needs Message Queuing.
  windowsFeatures: [...ALL_SERVERS, 'MSMQ-Server'],
  // Constructs that build it: active servers in the primary site are required; idle servers and active ones in the secondary site are opt-in (PCHAT-4 says why the latter need care).
  serverCounts: [
    { construct: 'StretchedPersistentChatPool', prop: 'primaryActiveServers', min: 0, max: 100, why: 'Required: how many chat servers serve users is a capacity decision' },
    { construct: 'StretchedPersistentChatPool', prop: 'primaryIdleServers', default: 0, min: 0, max: 100, why: 'Standby servers are opt-in' },
    { construct: 'StretchedPersistentChatPool', prop: 'secondaryActiveServers', default: 0, min: 0, max: 100, why: 'Active servers in the secondary site need a low-latency link to the primary database (PCHAT-4)' },
    { construct: 'StretchedPersistentChatPool', prop: 'secondaryIdleServers', default: 0, min: 0, max: 100, why: 'Standby servers are opt-in' },
  ],
  // StretchedPersistentChatPool records its pool there (placed per site).
  groups: 'chatPools',
  // The flow ends its servers are (lib/model/documented-flows.ts `Endpoint`).
  endpoints: ['persistent-chat', 'persistent-chat-sql'],
  // Its documented flows (lib/model/documented-flows.ts explains an entry).
  flows: [
    // Central Management store replication from the pool that hosts it and its standby (ports-and-protocols.md, All Servers rows).
    { key: 'cms-to-servers-smb-chat', from: 'front-end', to: 'persistent-chat', protocol: 'Tcp', ports: ['445'], purpose: 'Master Replicator Agent pushes Central Management store configuration to the Persistent Chat Servers', source: PAGE.PORTS, versions: NOT_2019, when: ['hosts-cms'] },
    { key: 'cms-to-servers-sql-browser-chat', from: 'front-end', to: 'persistent-chat', protocol: 'Udp', ports: ['1434'], purpose: 'SQL Browser for the Persistent Chat Server\'s local replica of the Central Management store', source: PAGE.PORTS, versions: NOT_2019, when: ['hosts-cms'] },

    // Persistent Chat (2013 and 2015 only).
    { key: 'fe-to-chat-sip', from: 'front-end', to: 'persistent-chat', protocol: 'Tcp', ports: ['5041'], purpose: 'Persistent Chat SIP (MTLS)', source: PAGE.PORTS, versions: NOT_2019 },
    { key: 'fe-to-chat-wcf', from: 'front-end', to: 'persistent-chat', protocol: 'Tcp', ports: ['881'], purpose: 'Persistent Chat Windows Communication Foundation (TLS and MTLS)', source: PAGE.PORTS, versions: NOT_2019 },
    {
      key: 'clients-to-chat-file-transfer', from: 'internal-clients', to: 'persistent-chat', protocol: 'Tcp', ports: ['443'], purpose: 'Persistent Chat File Transfer Service (TLS): clients upload and download chat-room files',
      source: PAGE.PORTS, versions: NOT_2019,
    },
    { key: 'chat-to-fe-sip', from: 'persistent-chat', to: 'front-end', protocol: 'Tcp', ports: ['5061'], purpose: 'SIP (MTLS) from the Persistent Chat Server to its next-hop Front End pool', source: PAGE.PORTS, versions: NOT_2019 },
    {
      key: 'chat-pool-internal', from: 'persistent-chat', to: 'persistent-chat', protocol: 'Tcp', ports: ['8011'], purpose: 'Server-to-server communication inside the Persistent Chat pool, across both data centers',
      source: PAGE.CHAT_TOPOLOGY, versions: NOT_2019, scope: 'same-pool', note: 'From the rule catalog\'s ports table (S-PCTOPO, L-PCTOPO); the line was not re-read for this list.',
    },
    { key: 'chat-to-chat-sql', from: 'persistent-chat', to: 'persistent-chat-sql', protocol: 'Tcp', ports: ['1433'], purpose: 'SQL to the Persistent Chat (mgc) and compliance (mgccomp) databases', source: PAGE.CHAT_TOPOLOGY, versions: NOT_2019, scope: 'own-pool' },
    { key: 'chat-sql-mirroring', from: 'persistent-chat-sql', to: 'persistent-chat-sql', protocol: 'Tcp', ports: ['5022', '7022'], purpose: 'Mirroring of the Persistent Chat databases (principal, mirror 5022; witness 7022)', source: PAGE.CHAT_DR, versions: NOT_2019, scope: 'same-pool' },
    { key: 'chat-sql-log-shipping-sql', from: 'persistent-chat-sql', to: 'persistent-chat-sql', protocol: 'Tcp', ports: ['1433'], purpose: 'Log shipping between the primary, its mirror and the secondary in the other data center', source: PAGE.CHAT_DR, versions: NOT_2019, when: ['persistent-chat-dr'], scope: 'same-pool' },
    { key: 'chat-sql-log-shipping-share', from: 'persistent-chat-sql', to: 'file-store', protocol: 'Tcp', ports: ['445'], purpose: 'Log-shipping share that every Persistent Chat SQL server in both data centers reads and writes', source: PAGE.CHAT_DR, versions: NOT_2019, when: ['persistent-chat-dr'], scope: 'own-pool', note: 'The share is not a FileStore role share (PCHAT-7); the library builds it on its own server.' },

    // Lab mode: to the domain controllers.
    ...domainMemberFlows('persistent-chat', 'chat'),
    ...domainMemberFlows('persistent-chat-sql', 'chat-sql'),
  ],
});
