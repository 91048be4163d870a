// CAF's contract suite for the kit (src/vendors/kit.ts); its cases live in src/contract/caf.ts.
export { cafSuite as suite } from '../../contract/caf.ts'
