/**
 * PowerShell run by the Custom Script Extension in lab mode: domain controller promotion, the
 * domain-readiness wait and the Windows features each role needs. Pure functions, no cdktf.
 *
 * The scripts travel base64-encoded (UTF-8) behind `powershell -Command iex (...)`, so the command
 * line has no double quotes. A script that needs the admin password gets it as base64 in place of
 * PASSWORD_PLACEHOLDER, substituted by Terraform from the sensitive variable (SEC-1). The script
 * text of a secret-bearing script passes through an HCL string, so it must not contain a backslash,
 * `${` or `%{` (checkScriptText enforces that).
 */
import { ServerRole } from '../model/topology';
import { ROLE_FEATURES } from '../model/roles';

export const PASSWORD_PLACEHOLDER = '__SFB_LAB_PASSWORD_B64__';

/** Azure's recursive resolver: domain controllers forward to it so private DNS zones still resolve. */
export const AZURE_DNS = '168.63.129.16';

/** Windows features per role: the role profiles' `windowsFeatures` (lib/model/roles/, with their source). */
export { ROLE_FEATURES };

/** A script text that can travel inside an HCL string (see the module comment). */
export function checkScriptText(script: string): string {
  for (const bad of ['\\', '${', '%{']) {
    if (script.includes(bad)) throw new Error(`lab script contains ${JSON.stringify(bad)}, which an HCL string would interpret`);
  }
  return script;
}

/** `powershell ... iex (<base64 UTF-8 script>)`: the command line of the Custom Script Extension. */
export function powershellCommand(scriptBase64: string): string {
  return `powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${scriptBase64}')))`;
}

export function base64Utf8(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (items: readonly string[]) => `@(${items.map(q).join(', ')})`;

/** Waits (up to 90 minutes) until the AD domain's DC locator record resolves and LDAP answers. */
function waitForDomain(domain: string): string[] {
  return [
    `$domain = ${q(domain)}`,
    `$deadline = (Get-Date).AddMinutes(90)`,
    `function Test-Domain {`,
    `  $srv = Resolve-DnsName -Name ('_ldap._tcp.dc._msdcs.' + $domain) -Type SRV -ErrorAction SilentlyContinue | Where-Object { $_.Type -eq 'SRV' } | Select-Object -First 1`,
    `  if (-not $srv) { return $false }`,
    `  try { $c = New-Object Net.Sockets.TcpClient; $c.Connect($srv.NameTarget, 389); $c.Close(); return $true } catch { return $false }`,
    `}`,
    `while (-not (Test-Domain)) {`,
    `  if ((Get-Date) -gt $deadline) { throw ('no domain controller of ' + $domain + ' answered within 90 minutes') }`,
    `  Start-Sleep -Seconds 30`,
    `}`,
  ];
}

function installFeatures(features: readonly string[], managementTools = false): string[] {
  if (features.length === 0) return [];
  return [
    `$missing = Get-WindowsFeature -Name ${list(features)} -ErrorAction SilentlyContinue | Where-Object { -not $_.Installed }`,
    `if ($missing) { Install-WindowsFeature -Name $missing.Name${managementTools ? ' -IncludeManagementTools' : ''} | Out-Null }`,
  ];
}

/** A member server: wait for the domain (unless the role stays in a workgroup), then install the role's features. */
export function memberPrerequisitesScript(role: ServerRole, domain: string, joinsDomain: boolean): string {
  return checkScriptText(
    ['$ErrorActionPreference = \'Stop\'', ...(joinsDomain ? waitForDomain(domain) : []), ...installFeatures(ROLE_FEATURES[role]), 'exit 0'].join('\n'),
  );
}

/** An A or CNAME record a domain controller publishes in the AD-integrated zone. */
export interface AdDnsRecord {
  /** Name relative to the zone. */
  readonly name: string;
  readonly type: 'A' | 'CNAME';
  readonly value: string;
}

/**
 * Runs at every start of a domain controller (and right away when it already is one): forward to
 * Azure DNS, then publish the pools' records in the AD zone, which shadows the Azure private zone.
 */
function dnsFinishScript(domain: string, records: readonly AdDnsRecord[]): string[] {
  return [
    `$ErrorActionPreference = 'Stop'`,
    `$domain = ${q(domain)}`,
    `$deadline = (Get-Date).AddMinutes(60)`,
    `while (-not (Get-DnsServerZone -Name $domain -ErrorAction SilentlyContinue)) { if ((Get-Date) -gt $deadline) { exit 1 }; Start-Sleep -Seconds 20 }`,
    `if (-not ((Get-DnsServerForwarder).IPAddress | Where-Object { $_.IPAddressToString -eq '${AZURE_DNS}' })) { Add-DnsServerForwarder -IPAddress '${AZURE_DNS}' }`,
    `foreach ($line in ${list(records.map((r) => `${r.name}|${r.type}|${r.value}`))}) {`,
    `  $r = $line.Split('|')`,
    `  $existing = Get-DnsServerResourceRecord -ZoneName $domain -Name $r[0] -RRType $r[1] -ErrorAction SilentlyContinue`,
    `  if ($r[1] -eq 'A' -and -not ($existing | Where-Object { $_.RecordData.IPv4Address.IPAddressToString -eq $r[2] })) { Add-DnsServerResourceRecordA -ZoneName $domain -Name $r[0] -IPv4Address $r[2] }`,
    `  if ($r[1] -eq 'CNAME' -and -not $existing) { Add-DnsServerResourceRecordCName -ZoneName $domain -Name $r[0] -HostNameAlias $r[2] }`,
    `}`,
  ];
}

export interface DomainControllerScriptProps {
  readonly domain: string;
  /** NetBIOS name of the domain (forest root only). */
  readonly netbiosName: string;
  readonly adminUsername: string;
  /** Address of the forest root DC, for a replica; undefined for the forest root itself. */
  readonly forestRootIp?: string;
  /** Records the DC publishes (the forest root publishes them all; AD replicates the zone). */
  readonly records: readonly AdDnsRecord[];
}

/**
 * Installs AD DS and DNS and promotes the server: a new forest (the primary site) or a replica DC
 * (other sites, after the forest root answers). Idempotent: on a server that already is a DC it
 * only refreshes the DNS records. The promotion reboots a minute after the script returns, so the
 * extension reports success; the finish script runs as a startup task after the reboot.
 */
export function domainControllerScript(p: DomainControllerScriptProps): string {
  const finish = dnsFinishScript(p.domain, p.records);
  const promote = p.forestRootIp === undefined
    ? [`Install-ADDSForest -DomainName ${q(p.domain)} -DomainNetbiosName ${q(p.netbiosName)} -SafeModeAdministratorPassword $pw -InstallDns -NoRebootOnCompletion -Force | Out-Null`]
    : [
        `$nic = Get-NetAdapter | Where-Object { $_.Status -eq 'Up' } | Select-Object -First 1`,
        `Set-DnsClientServerAddress -InterfaceIndex $nic.ifIndex -ServerAddresses @(${q(p.forestRootIp)})`,
        ...waitForDomain(p.domain),
        `$cred = New-Object System.Management.Automation.PSCredential(${q(`${p.adminUsername}@${p.domain}`)}, $pw)`,
        `Install-ADDSDomainController -DomainName ${q(p.domain)} -Credential $cred -SafeModeAdministratorPassword $pw -InstallDns -NoRebootOnCompletion -Force | Out-Null`,
      ];
  return checkScriptText(
    [
      `$ErrorActionPreference = 'Stop'`,
      `$pw = ConvertTo-SecureString ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${PASSWORD_PLACEHOLDER}'))) -AsPlainText -Force`,
      `New-Item -ItemType Directory -Force -Path 'C:/sfb-lab' | Out-Null`,
      `$finish = @'`,
      ...finish,
      `'@`,
      `Set-Content -Path 'C:/sfb-lab/dns-finish.ps1' -Value $finish`,
      `$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -ExecutionPolicy Bypass -File C:/sfb-lab/dns-finish.ps1'`,
      `Register-ScheduledTask -TaskName 'sfb-lab-dns' -Trigger (New-ScheduledTaskTrigger -AtStartup) -Action $action -User 'SYSTEM' -RunLevel Highest -Force | Out-Null`,
      `if ((Get-CimInstance Win32_ComputerSystem).DomainRole -ge 4) { Start-ScheduledTask -TaskName 'sfb-lab-dns'; exit 0 }`,
      ...installFeatures(ROLE_FEATURES[ServerRole.DOMAIN_CONTROLLER], true),
      ...promote,
      `shutdown.exe /r /t 60 /c 'AD DS promotion'`,
      `exit 0`,
    ].join('\n'),
  );
}
