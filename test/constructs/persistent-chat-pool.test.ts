import { SfbDeployment, SqlServerVersion, StandaloneBackEnd, StretchedPersistentChatPool } from '../../lib';
import { ServerRole } from '../../lib/model/topology';
import { cidrContains } from '../../lib/model/network';
import { chatTopology } from '../chat-helpers';
import { resourcesOf, synthJson, testDeployment, testPool, testSite } from '../helpers';

const vmsWithRole = (json: any, role: string) => resourcesOf(json, 'azurerm_windows_virtual_machine').filter((v) => v.tags['sfb-role'] === role);
const nsgRule = (json: any, name: string) => resourcesOf(json, 'azurerm_network_security_rule').filter((r) => r.name === name);
const ports = (r: any): string[] => r.destination_port_ranges ?? [r.destination_port_range];
const sources = (r: any): string[] => r.source_address_prefixes ?? [r.source_address_prefix];

describe('StretchedPersistentChatPool: chat servers', () => {
  test('creates the active and idle servers in both regions, numbered across the pool', () => {
    const json = synthJson(chatTopology().stack);
    const chat = vmsWithRole(json, ServerRole.PERSISTENT_CHAT).map((v) => `${v.name}@${v.location}`).sort();
    expect(chat).toEqual(['pchat-1@westeurope', 'pchat-2@westeurope', 'pchat-3@northeurope', 'pchat-4@northeurope']);
  });

  test('puts the chat servers in the persistent-chat subnet and spreads them over zones', () => {
    const json = synthJson(chatTopology().stack);
    const nics = resourcesOf(json, 'azurerm_network_interface').filter((n) => /^nic-pchat-/.test(n.name));
    expect(nics).toHaveLength(4);
    for (const nic of nics) expect(nic.ip_configuration[0].subnet_id).toMatch(/subnet-persistent-chat/);
    const zones = vmsWithRole(json, ServerRole.PERSISTENT_CHAT).filter((v) => v.location === 'westeurope').map((v) => v.zone);
    expect(new Set(zones).size).toBe(2);
  });

  test('records active and idle servers per site and the home pool in the model', () => {
    const { deployment, westPool } = chatTopology({ primaryActiveServers: 2, primaryIdleServers: 2, secondaryActiveServers: 2, secondaryIdleServers: 2 });
    const pool = deployment._toModel().chatPools[0];
    expect(pool.homePoolPath).toBe(westPool.node.path);
    expect(pool.servers).toHaveLength(8);
    const byState = (site: string, state: string) => pool.serverPlacement!.filter((p) => p.sitePath.endsWith(site) && p.state === state).length;
    expect([byState('west', 'active'), byState('west', 'idle'), byState('north', 'active'), byState('north', 'idle')]).toEqual([2, 2, 2, 2]);
  });

  test('publishes the pool FQDN in private DNS with every chat server', () => {
    const json = synthJson(chatTopology().stack);
    const record = resourcesOf(json, 'azurerm_private_dns_a_record').find((r) => r.name === 'pchat');
    expect(record.records).toHaveLength(4);
  });
});

describe('StretchedPersistentChatPool: databases', () => {
  const placed = (witness: boolean, compliance = false) => {
    const pool = chatTopology({ witness, compliance }).deployment._toModel().chatPools[0];
    return pool.databaseServers.map((d) => `${d.database}:${d.function}@${d.sitePath.split('/').pop()}`).sort();
  };

  test('creates the primary and its mirror in the primary site, the log-shipping secondary and its mirror in the other (four servers)', () => {
    expect(placed(false)).toEqual(['mgc:log-shipping-secondary@north', 'mgc:mirror@west', 'mgc:primary@west', 'mgc:secondary-mirror@north']);
  });

  test('adds a witness per site when witness is set (six servers, the default)', () => {
    const list = placed(true);
    expect(list).toHaveLength(6);
    expect(list).toEqual(expect.arrayContaining(['mgc:witness@west', 'mgc:secondary-witness@north']));
  });

  test('creates the same set for the compliance database (mgccomp)', () => {
    const list = placed(true, true);
    expect(list.filter((d) => d.startsWith('mgccomp:'))).toHaveLength(6);
    expect(list).toContain('mgccomp:log-shipping-secondary@north');
  });

  test('synthesizes the SQL VMs in the two regions, registered with the SQL IaaS extension', () => {
    const json = synthJson(chatTopology({ witness: false }).stack);
    const sql = vmsWithRole(json, ServerRole.BACK_END).filter((v) => /-pcswr-/.test(v.name));
    expect(sql.map((v) => v.location).sort()).toEqual(['northeurope', 'northeurope', 'westeurope', 'westeurope']);
    expect(resourcesOf(json, 'azurerm_mssql_virtual_machine')).toHaveLength(2 + 4);
  });

  test('creates the log-shipping share on a Windows file server in the secondary site, not a file store', () => {
    const { stack, chat } = chatTopology();
    const json = synthJson(stack);
    // Pool file stores are file servers too: the share's server is the one that is not in a file store.
    const storeServers = new Set(chat.deployment._toModel().fileStores.flatMap((f) => f.servers.map((x) => x.computerName)));
    const fs = vmsWithRole(json, ServerRole.FILE_SERVER).filter((v) => !storeServers.has(v.computer_name));
    expect(fs.map((v) => v.location)).toEqual(['northeurope']);
    const name = fs[0].computer_name;
    expect(chat._logShippingShare!.uncPath).toBe(`\\\\${name}.corp.contoso.com\\pchat-logship`);
    const disk = resourcesOf(json, 'azurerm_managed_disk').find((d) => d.name === `disk-${name}-share`);
    expect(disk.lifecycle.prevent_destroy).toBe(true);
  });

  test('outputs the SQL configuration script with log shipping and the active servers', () => {
    const json = synthJson(chatTopology({ compliance: true }).stack);
    const output = json.output.contoso_chat_sql_configuration as any; // a stable name the runbook cites
    expect(output.value).toMatch(/Invoke-DbaDbLogShipping -SourceSqlInstance west-pcswr-1\.corp\.contoso\.com -DestinationSqlInstance north-pcswr-1\.corp\.contoso\.com -Database mgc/);
    expect(output.value).toMatch(/-Database mgccomp/);
    expect(output.value).toMatch(/Set-CsPersistentChatActiveServer .*pchat-1\.corp\.contoso\.com","pchat-2\.corp\.contoso\.com"/);
    expect(output.value).not.toMatch(/\$\{/);
  });

  test('uses an existing back end when given: no SQL servers, share or script of its own', () => {
    const { deployment } = testDeployment();
    const west = testSite(deployment, 'west');
    const north = testSite(deployment, 'north');
    const homePool = testPool(west, 'pool');
    testPool(north, 'pool');
    const backEnd = new StandaloneBackEnd(west, 'chat-backend', { sqlVersion: SqlServerVersion.SQL_2019 });
    new StretchedPersistentChatPool(deployment, 'chat', { fqdn: 'pchat.corp.contoso.com', primarySite: west, secondarySite: north, homePool, primaryActiveServers: 2, backEnd });
    const json = synthJson(deployment.node.scope as any);
    const storeServers = new Set(deployment._toModel().fileStores.flatMap((f) => f.servers.map((x) => x.computerName)));
    expect(vmsWithRole(json, ServerRole.FILE_SERVER).filter((v) => !storeServers.has(v.computer_name))).toHaveLength(0);
    // Only the back ends' own store outputs: no chat SQL configuration script.
    expect(Object.keys(json.output ?? {}).filter((k) => !k.endsWith('_sql_store_fqdn') && !k.endsWith('_backup_export_task'))).toEqual([]);
    const pool = deployment._toModel().chatPools[0];
    expect(pool.databaseServers).toHaveLength(0);
    expect(pool.backEndPath).toBe(backEnd.node.path);
    expect(ports(nsgRule(json, 'pchat-chat-sql-from-chat')[0])).toEqual(['1433']);
  });
});

describe('StretchedPersistentChatPool: network flows', () => {
  const json = synthJson(chatTopology().stack);
  const model = chatTopology().deployment._toModel();

  test('allows 5041 and 881 from the Front End subnets of both sites into both chat subnets', () => {
    const rules = nsgRule(json, 'pchat-chat-from-front-ends');
    expect(rules).toHaveLength(2);
    for (const r of rules) {
      expect(ports(r)).toEqual(['881', '5041']);
      expect(sources(r)).toEqual(['10.10.0.0/20', '10.20.0.0/20']);
    }
  });

  test('allows 8011 between the chat servers across the two sites (their address blocks, not their subnets)', () => {
    const chatIps = model.chatPools[0].servers.map((s) => s.nics[0].privateIp);
    const rules = nsgRule(json, 'pchat-chat-pool');
    expect(rules).toHaveLength(2);
    for (const r of rules) {
      expect(ports(r)).toEqual(['8011']);
      // One block per site, each holding that site's chat servers: scaling the pool changes no rule.
      expect(sources(r)).toHaveLength(2);
      for (const ip of chatIps) expect(sources(r).filter((b) => cidrContains(b, ip))).toHaveLength(1);
      for (const b of sources(r)) expect(b).toMatch(/\/27$/);
    }
  });

  // Audit F6: ports-and-protocols.md, "Persistent Chat Front End Server, Persistent Chat File Transfer Service, 443, TCP (TLS)".
  test('allows the File Transfer Service (443) from the connected client networks into both chat subnets', () => {
    const rules = nsgRule(json, 'pchat-chat-file-transfer');
    expect(rules).toHaveLength(2);
    for (const r of rules) expect(r).toMatchObject({ destination_port_range: '443', source_address_prefix: 'VirtualNetwork', protocol: 'Tcp' });
  });

  test('allows 1433, 5022 and 7022 between the SQL servers of both sites', () => {
    const sqlIps = model.chatPools[0].databaseServers.map((d) => `${d.server.nics[0].privateIp}/32`);
    const rules = nsgRule(json, 'pchat-chat-sql-between');
    expect(rules).toHaveLength(2);
    for (const r of rules) {
      expect(ports(r)).toEqual(['1433', '5022', '7022']);
      expect(sources(r).sort()).toEqual([...sqlIps].sort());
    }
    const westFlow = model.flows.find((f) => f.name === 'pchat-chat-sql-between' && f.nsg === 'west/back-end')!;
    expect(westFlow.sourcePrefixes.some((p) => p.startsWith('10.20.'))).toBe(true);
  });

  test('allows SMB 445 from every chat SQL server to the log-shipping share', () => {
    const [rule] = nsgRule(json, 'pchat-chat-log-shipping-smb');
    expect(ports(rule)).toEqual(['445']);
    expect(sources(rule)).toHaveLength(6);
    const flow = model.flows.find((f) => f.name === 'pchat-chat-log-shipping-smb')!;
    expect(flow.nsg).toBe('north/infrastructure');
  });
});

describe('StretchedPersistentChatPool: input that cannot be built', () => {
  test('throws for an unknown prop', () => {
    expect(() => chatTopology({ activeServers: 2 } as never)).toThrow(/activeServers .* is not a prop of StretchedPersistentChatPool/);
  });
  test('throws for a pool without servers', () => {
    expect(() => chatTopology({ primaryActiveServers: 0, secondaryIdleServers: 0 })).toThrow(/no server/);
  });
  test('throws for a count that is not a whole number', () => {
    expect(() => chatTopology({ primaryActiveServers: 1.5 })).toThrow(/primaryActiveServers 1.5 is not a whole number/);
  });
  test('throws when the scope is not an SfbDeployment', () => {
    const { deployment, west, westPool } = chatTopology();
    expect(() => new StretchedPersistentChatPool(west as unknown as SfbDeployment, 'x', { fqdn: 'x.corp.contoso.com', primarySite: west, secondarySite: west, homePool: westPool, primaryActiveServers: 1 })).toThrow(/scope must be an SfbDeployment/);
    void deployment;
  });
});
