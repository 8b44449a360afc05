/**
 * The only module that imports cdktf (tests and the jest setup aside). A move to CDK Terrain
 * (cdktn) is a rename here.
 */
export {
  Annotations,
  App,
  AzurermBackend,
  Aspects,
  Fn,
  Lazy,
  TerraformElement,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
} from 'cdktf';
export type { IAspect } from 'cdktf';

// In a module of its own, without cdktf, so that a program (or the jest setup) can call it before
// cdktf loads: cdktf's own modules create tokens as they load.
export { skipTokenStackTraces } from './stack-traces';
