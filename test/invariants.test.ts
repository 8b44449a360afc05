import { AzurermProvider } from '../lib/azurerm';
import { TerraformStack, Testing } from '../lib/cdktf';
import { buildReferenceTopology } from '../examples/reference/topology';
import {
  azureNameLimits,
  checkInvariants,
  formatViolations,
  noInternetAdminPorts,
  noLiteralSecrets,
  nsgPriorities,
  securityGroupPlacement,
  oneRecordSetPerName,
  publicIpsOnlyOnEdge,
  resynthesizes,
} from './invariants';

function referenceJsonText(): string {
  const stack = new TerraformStack(Testing.app(), 'reference');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  buildReferenceTopology(stack);
  return Testing.synth(stack, true);
}

const TEXT = referenceJsonText();
/** A fresh copy of the reference configuration to break. */
const reference = (): any => JSON.parse(TEXT);
const first = (json: any, type: string): any => Object.values(json.resource[type])[0];
const firstKey = (json: any, type: string): string => Object.keys(json.resource[type])[0];
const invariantsOf = (violations: { invariant: string }[]) => [...new Set(violations.map((v) => v.invariant))];

describe('invariants on the synthesized reference topology', () => {
  it('holds for the reference topology', () => {
    const violations = checkInvariants(reference());
    expect(formatViolations(violations)).toBe('');
  });

  it('SEC-1 fails when the admin password is a literal', () => {
    const json = reference();
    first(json, 'azurerm_windows_virtual_machine').admin_password = 'P@ssw0rd-2015!';
    expect(invariantsOf(noLiteralSecrets(json))).toEqual(['SEC-1']);
  });

  it('SEC-1 fails when a password-like attribute of any resource is a literal', () => {
    const json = reference();
    first(json, 'azurerm_mssql_virtual_machine').sql_connectivity_update_password = 'Secret123!';
    expect(noLiteralSecrets(json).map((v) => v.message)).toEqual([expect.stringContaining('sql_connectivity_update_password is a literal')]);
  });

  it('SEC-1 fails when the password variable is not sensitive or has a default', () => {
    const json = reference();
    const [name] = Object.keys(json.variable);
    json.variable[name].default = 'changeme';
    expect(invariantsOf(noLiteralSecrets(json))).toEqual(['SEC-1']);
  });

  it('SEC-2 fails on an inbound rule from the Internet to RDP', () => {
    const json = reference();
    Object.assign(first(json, 'azurerm_network_security_rule'), { source_address_prefix: 'Internet', destination_port_range: '3000-4000' });
    expect(noInternetAdminPorts(json).map((v) => v.message)).toEqual([expect.stringContaining('3389')]);
  });

  it('SEC-2 fails on WinRM and SSH from any address in an inline rule', () => {
    const json = reference();
    first(json, 'azurerm_network_security_group').security_rule = [
      { name: 'mgmt', direction: 'Inbound', access: 'Allow', priority: 4000, protocol: 'Tcp', source_address_prefixes: ['*'], destination_port_ranges: ['22', '5985-5986'] },
    ];
    expect(noInternetAdminPorts(json).map((v) => v.message)).toEqual([expect.stringContaining('22, 5985, 5986')]);
  });

  it('SEC-3 fails when a Front End NIC gets a public IP', () => {
    const json = reference();
    json.resource.azurerm_public_ip = { rogue: { name: 'pip-rogue', allocation_method: 'Static', sku: 'Standard' } };
    const nic = Object.values<any>(json.resource.azurerm_network_interface).find((n) => n.name.startsWith('nic-pool-west'));
    nic.ip_configuration[0].public_ip_address_id = '${azurerm_public_ip.rogue.id}';
    expect(publicIpsOnlyOnEdge(json).map((v) => v.message)).toEqual([expect.stringContaining('on a Front End server')]);
  });

  it('SEC-3 fails on a public IP attached to nothing allowed, and passes for a Bastion host', () => {
    const json = reference();
    json.resource.azurerm_public_ip = { lonely: { name: 'pip-lonely' }, bastion: { name: 'pip-bastion' } };
    json.resource.azurerm_bastion_host = { b: { name: 'bas', ip_configuration: { name: 'c', public_ip_address_id: '${azurerm_public_ip.bastion.id}' } } };
    expect(publicIpsOnlyOnEdge(json).map((v) => v.address)).toEqual(['azurerm_public_ip.lonely']);
  });

  it('NSG-PRIORITY fails on a priority outside 100-4096 and on a repeated priority', () => {
    const json = reference();
    const rules = Object.values<any>(json.resource.azurerm_network_security_rule);
    const [a, b] = rules.filter((r) => r.network_security_group_name === rules.find((x) => x.name === 'front-end-from-front-ends').network_security_group_name);
    b.priority = a.priority;
    rules.find((r) => r.name.startsWith('sql-from'))!.priority = 4097;
    const messages = nsgPriorities(json).map((v) => v.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('priority 4097'), expect.stringContaining(`repeats priority ${a.priority}`)]));
    expect(messages).toHaveLength(2);
  });

  it('ASG-1 fails on a group of another region, a side with both addresses and groups, and a group over two networks', () => {
    const json = reference();
    expect(securityGroupPlacement(json)).toEqual([]);
    const rule = Object.values<any>(json.resource.azurerm_network_security_rule).find((r) => r.name === 'pool-pool-members');
    const groups = json.resource.azurerm_application_security_group;
    const westPool = Object.keys(groups).find((k) => groups[k].name === 'asg-contoso-west-pool')!;
    groups[westPool].location = 'northeurope';
    rule.source_address_prefix = '10.10.4.32/32';
    // A north Front End's NIC joins the west pool's group.
    const northNic = Object.keys(json.resource.azurerm_network_interface).find((k) => json.resource.azurerm_network_interface[k].name === 'nic-pool-north-1')!;
    json.resource.azurerm_network_interface_application_security_group_association.x = { network_interface_id: `\${azurerm_network_interface.${northNic}.id}`, application_security_group_id: `\${azurerm_application_security_group.${westPool}.id}` };
    const messages = securityGroupPlacement(json).map((v) => v.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/holds NICs of 2 virtual networks/),
      'rule pool-pool-members names both addresses and groups as its source',
      expect.stringMatching(/names group asg-contoso-west-pool of northeurope; its NSG is in westeurope/),
    ]));
  });

  it('SRV-3 fails when two SRV record sets share a name in one zone', () => {
    const json = reference();
    const srv = { name: '_sip._tls', zone_name: '${azurerm_dns_zone.public.name}', resource_group_name: 'rg', ttl: 300, record: [] };
    json.resource.azurerm_dns_srv_record = { a: srv, b: { ...srv } };
    expect(oneRecordSetPerName(json).map((v) => `${v.invariant} ${v.address}`)).toEqual(['SRV-3 azurerm_dns_srv_record.b']);
  });

  it('DNS-SET fails when two A record sets share a name in one zone', () => {
    const json = reference();
    const key = firstKey(json, 'azurerm_private_dns_a_record');
    json.resource.azurerm_private_dns_a_record.copy = { ...json.resource.azurerm_private_dns_a_record[key] };
    expect(invariantsOf(oneRecordSetPerName(json))).toEqual(['DNS-SET']);
  });

  it('NAME-1 fails on a computer name of 16 characters, NAME-7 on a repeated one', () => {
    const json = reference();
    const [a, b] = Object.values<any>(json.resource.azurerm_windows_virtual_machine);
    a.computer_name = 'pool-west-server1';
    b.computer_name = a.computer_name.toUpperCase();
    expect(azureNameLimits(json).map((v) => v.invariant).sort()).toEqual(['NAME-1', 'NAME-1', 'NAME-7']);
  });

  it('NAME-6 fails on a storage account name with hyphens and on a repeated one', () => {
    const json = reference();
    json.resource.azurerm_storage_account = { a: { name: 'sfbwitness01' }, b: { name: 'sfbwitness01' }, c: { name: 'sfb-witness' } };
    expect(azureNameLimits(json).map((v) => `${v.invariant} ${v.address}`)).toEqual([
      'NAME-6 azurerm_storage_account.b',
      'NAME-6 azurerm_storage_account.c',
    ]);
  });

  it('NAME-5 fails on a network security group name longer than 80 characters and a subnet name ending in a period', () => {
    const json = reference();
    first(json, 'azurerm_network_security_group').name = `nsg-${'x'.repeat(80)}`;
    first(json, 'azurerm_subnet').name = 'snet-front-end.';
    expect(azureNameLimits(json).map((v) => v.invariant)).toEqual(['NAME-5', 'NAME-5']);
  });

  it('DETERMINISM holds for the reference program and fails for a program that varies', () => {
    expect(resynthesizes(referenceJsonText)).toEqual([]);
    let n = 0;
    const varying = () => TEXT.replace('"pool-west-1"', `"pool-west-${++n}"`);
    expect(invariantsOf(resynthesizes(varying))).toEqual(['DETERMINISM']);
  });
});
