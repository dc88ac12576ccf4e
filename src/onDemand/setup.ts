/**
 * On-demand module `setup` (built to onDemand_setup.html, loaded by src/server/onDemand.ts only when one of these
 * runs): the owner's maintenance — Set up / repair, Check set-up, Check data (with its restore of customers deleted
 * by hand). It bundles its own copy of everything it uses and runs each entry point whole (access, lock, core, error
 * mapping), so only plain JSON-able values cross to Code.js.
 */

export { checkData, showDataCheck } from '../server/integrity';
export { showSetUp } from '../server/menuActions';
export { setUpCrm } from '../server/setup';
export { checkSetUp, showSetUpCheck } from '../server/setupCheck';
