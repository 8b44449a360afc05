/**
 * What a role's servers need of the lab's domain controllers (lab mode only): the AD, DNS and
 * Kerberos flows of a domain member, or DNS alone for a server outside the domain (the Edge). A
 * member role's file asks for them with one call, so a new member role carries its own.
 */
import type { DocumentedFlow, Endpoint } from '../documented-flows';
import { PAGE } from './flow-pages';

/** TCP ports of every flow to a lab domain controller (members, clients, the other controllers): DNS, Kerberos, RPC, LDAP, SMB, password change, global catalog, dynamic RPC. */
export const DIRECTORY_TCP_PORTS: readonly string[] = Object.freeze(['53', '88', '135', '389', '445', '464', '636', '3268', '3269', '49152-65535']);
/** UDP ports of the same flows: DNS, Kerberos, time, LDAP ping, password change. */
export const DIRECTORY_UDP_PORTS: readonly string[] = Object.freeze(['53', '88', '123', '389', '464']);

/** The `<short>-to-dc-tcp` and `-udp` flows of a domain member `member`. */
export function domainMemberFlows(member: Endpoint, short: string): DocumentedFlow[] {
  return [
    { key: `${short}-to-dc-tcp`, from: member, to: 'domain-controller', protocol: 'Tcp', ports: DIRECTORY_TCP_PORTS, purpose: 'DNS, Kerberos, RPC, LDAP, SMB, password change, global catalog and dynamic RPC from the domain member', source: PAGE.AD_PORTS, when: ['lab'] },
    { key: `${short}-to-dc-udp`, from: member, to: 'domain-controller', protocol: 'Udp', ports: DIRECTORY_UDP_PORTS, purpose: 'DNS, Kerberos, time, LDAP ping and password change from the domain member', source: PAGE.AD_PORTS, when: ['lab'] },
  ];
}

/** The `<short>-to-dc-dns-tcp` and `-udp` flows of a server outside the domain that resolves through the lab's DNS. */
export function dnsOnlyFlows(member: Endpoint, short: string, what: string): DocumentedFlow[] {
  return [
    { key: `${short}-to-dc-dns-udp`, from: member, to: 'domain-controller', protocol: 'Udp', ports: ['53'], purpose: `DNS from the ${what}`, source: PAGE.AD_PORTS, when: ['lab'] },
    { key: `${short}-to-dc-dns-tcp`, from: member, to: 'domain-controller', protocol: 'Tcp', ports: ['53'], purpose: `DNS from the ${what}`, source: PAGE.AD_PORTS, when: ['lab'] },
  ];
}
