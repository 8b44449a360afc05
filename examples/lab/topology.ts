/**
 * The reference topology (two sites, one Enterprise pool each) as a lab: a domain controller per
 * site, every server joined to corp.contoso.com, Azure Bastion, lab VM sizes and a daily shutdown.
 */
import { Construct } from 'constructs';
import { LabOptions } from '../../lib';
import { buildReferenceTopology, ReferenceTopology } from '../reference/topology';

/** Lab settings of the example: shut down at 19:00 Central European time. */
export const LAB_OPTIONS: LabOptions = {
  shutdownTime: '1900',
  shutdownTimeZone: 'W. Europe Standard Time',
};

export function buildLabTopology(scope: Construct, options: LabOptions = LAB_OPTIONS): ReferenceTopology {
  // Deployment-wide resources outside both sites' regions (GLOBAL-1), as in the per-site reference.
  return buildReferenceTopology(scope, { lab: options, globalLocation: 'francecentral' });
}
