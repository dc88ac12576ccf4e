/**
 * On-demand module `admin` (built to onDemand_admin.html, loaded by src/server/onDemand.ts only when one of these
 * runs): Set up, Check set-up, Check data, import, archive / restore / merge / duplicates — the owner's occasional
 * work. It bundles its own copy of everything it uses and runs each entry point whole (access, lock, core, error
 * mapping), so only plain JSON-able values cross to Code.js.
 */

export { archiveCustomer, findDuplicateGroups, mergeCustomers, restoreCustomer } from '../server/archive';
export { importCustomers, proposeImportMapping } from '../server/import';
export { checkData, showDataCheck } from '../server/integrity';
export { showSetUp } from '../server/menuActions';
export { setUpCrm } from '../server/setup';
export { checkSetUp, showSetUpCheck } from '../server/setupCheck';
