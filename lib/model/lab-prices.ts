/**
 * Rough hourly pay-as-you-go list prices (USD, Windows licence included, East US, December 2026) of
 * what a lab runs, so docs/lab.md's cost note is computed from the sizes the lab actually uses
 * (test/constructs/lab-sizes.test.ts recomputes it). Check the Azure pricing calculator for your
 * region and currency: these are for an order of magnitude, not a quote.
 */
import { readonlyMap } from './memo';

/** USD per hour of a running Windows VM, by size. */
export const LAB_VM_HOURLY_USD: ReadonlyMap<string, number> = readonlyMap([
  ['Standard_B2s', 0.05],
  ['Standard_B2ms', 0.1],
  ['Standard_B4ms', 0.2],
]);

/** USD per hour of one Azure Bastion Basic host (billed while it exists, running VMs or not). */
export const BASTION_BASIC_HOURLY_USD = 0.19;

/** USD per hour of an Application Gateway Standard_v2 with one fixed instance (fixed price plus one capacity unit), billed while it exists. */
export const APPLICATION_GATEWAY_V2_HOURLY_USD = 0.25;

/** USD per hour while every VM runs: VMs by size plus Bastion hosts; undefined for a size not in the table. */
export function labHourlyCost(vmSizes: readonly string[], bastionHosts: number): number | undefined {
  let total = bastionHosts * BASTION_BASIC_HOURLY_USD;
  for (const size of vmSizes) {
    const price = LAB_VM_HOURLY_USD.get(size);
    if (price === undefined) return undefined;
    total += price;
  }
  return total;
}
