/**
 * On-demand module `archive` (built to onDemand_archive.html, loaded by src/server/onDemand.ts only when one of
 * these runs): archive, restore, Find duplicates and merge. It bundles its own copy of everything it uses and runs
 * each entry point whole (access, lock, core, error mapping), so only plain JSON-able values cross to Code.js.
 */

export { archiveCustomer, findDuplicateGroups, mergeCustomers, restoreCustomer } from '../server/archive';
