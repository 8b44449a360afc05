/**
 * Azure VM sizes the library knows: vCPUs, whether a vCPU is a hyperthread, memory and the NIC limit
 * (VM-1, VM-2, VM-6).
 *
 * Why `hyperthreaded`: Microsoft's hardware recommendations count physical cores ("Intel Xeon E5-2673 v3
 * dual processor, 6-core" = 12 cores, with "Enable Hyperthreading" recommended on top, i.e. 24 threads:
 * `Skype/SfBServer2019/plan/system-requirements.md`), while an Azure vCPU of a hyperthreaded size is one
 * hyperthread. On those sizes two vCPUs are one physical core, so VM-1 compares `physicalCores`, never
 * the vCPU count, with the documented cores. Sources, `MicrosoftDocs/azure-docs`:
 * - Dv5/Dsv5: `articles/virtual-machines/sizes/general-purpose/includes/dv5-dsv5-series-summary.md`
 *   ("processor in a hyper threaded configuration");
 * - Ev5/Esv5: `articles/virtual-machines/sizes/memory-optimized/includes/ev5-esv5-series-summary.md`
 *   (the Edv5/Edsv5 summary says the same of the same processors);
 * - Fsv2: `articles/virtual-machines/sizes/compute-optimized/includes/fsv2-series-summary.md`
 *   ("Fsv2-series VMs feature Intel Hyper-Threading Technology");
 * - B-series: burstable sizes on shared hosts with no statement about threads; counted as hyperthreaded
 *   (the conservative reading: a lab size, VM-1 is information in lab mode anyway).
 */
export interface VmSizeInfo {
  /** vCPUs Azure gives the VM. */
  readonly vcpus: number;
  /** Whether each vCPU is a hyperthread (two vCPUs per physical core). */
  readonly hyperthreaded: boolean;
  readonly memoryGb: number;
  readonly maxNics: number;
}

const size = (vcpus: number, memoryGb: number, maxNics: number, hyperthreaded = true): VmSizeInfo => ({ vcpus, hyperthreaded, memoryGb, maxNics });

export const VM_SIZES: Readonly<Record<string, VmSizeInfo>> = {
  Standard_B1s: size(1, 1, 2),
  Standard_B1ms: size(1, 2, 2),
  Standard_B2s: size(2, 4, 3),
  Standard_B2ms: size(2, 8, 3),
  Standard_B4ms: size(4, 16, 4),
  Standard_D2s_v5: size(2, 8, 2),
  Standard_D4s_v5: size(4, 16, 2),
  Standard_D8s_v5: size(8, 32, 4),
  Standard_D16s_v5: size(16, 64, 8),
  Standard_D32s_v5: size(32, 128, 8),
  Standard_D48s_v5: size(48, 192, 8),
  Standard_E4s_v5: size(4, 32, 2),
  Standard_E8s_v5: size(8, 64, 4),
  Standard_E16s_v5: size(16, 128, 8),
  Standard_E32s_v5: size(32, 256, 8),
  Standard_F8s_v2: size(8, 16, 4),
  Standard_F16s_v2: size(16, 32, 4),
  Standard_F32s_v2: size(32, 64, 8),
};

export function vmSizeInfo(name: string): VmSizeInfo | undefined {
  return VM_SIZES[name];
}

/** Physical cores of a size: vCPUs ÷ 2 on hyperthreaded sizes (at least 1), else the vCPUs. */
export function physicalCores(info: VmSizeInfo): number {
  return info.hyperthreaded ? Math.max(1, Math.floor(info.vcpus / 2)) : info.vcpus;
}

/**
 * The shape of an Azure VM size name: tier, family letters with vCPUs and features, an optional
 * constrained-vCPU count and version (`Standard_D16s_v5`, `Standard_E16-4s_v5`, `Standard_B2ms`).
 */
export const VM_SIZE_PATTERN = /^(Standard|Basic)_[A-Z]+[0-9]+(-[0-9]+)?[a-z]*(_[A-Za-z0-9]+)*$/;
export const VM_SIZE_PATTERN_TEXT = 'Standard_<family><vCPUs><features>[_v<n>]';

/** Whether a string has the shape of an Azure VM size name. */
export function isVmSizeName(name: string): boolean {
  return VM_SIZE_PATTERN.test(name);
}
