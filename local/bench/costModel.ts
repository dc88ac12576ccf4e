/**
 * What a user would wait on real Google for each measured action: an estimate built from what the stand-in counted
 * (requests to the Sheets back end, cells read and written, the other services' calls), the compute measured here
 * and the bundle's size. Google is not reachable from the development machines, so every constant comes from a
 * public measurement or is marked as an assumption; README "Real-Google cost model" lists them with their sources.
 */

export interface CostConstant {
  value: number;
  unit: string;
  what: string;
  /** Where the figure comes from; "ASSUMPTION" when no public measurement was found. */
  source: string;
}

export const COSTS = {
  sheetRequestMs: {
    value: 160,
    unit: 'ms',
    what: 'one request to the Sheets back end: a read, or a batch of writes (getLastRow, getValues, flush …)',
    source:
      'ASSUMPTION: issue #17 ("per-call getLastRow ≈ 160 ms"); no public figure for a bare request was found. ' +
      'poehnelt.com measured ~800 ms for a SpreadsheetApp write + read (https://justin.poehnelt.com/posts/apps-script-key-value-stores)',
  },
  cellMs: {
    value: 0.0145,
    unit: 'ms per cell',
    what: 'each cell a read returns or a write sends, on top of its request',
    source:
      'ASSUMPTION derived from issue #17 ("one getValues + setValues of 1,000 rows ≈ 0.9 s"), taking 20 columns and ' +
      '2 × 160 ms of requests: (900 − 320) ms ÷ 40,000 cells. Google\'s "Best practices" page has 10,000 cells ' +
      'written in one call in about a second (https://developers.google.com/apps-script/guides/support/best-practices)',
  },
  propertiesGetMs: {
    value: 30,
    unit: 'ms',
    what: 'PropertiesService getProperty',
    source: 'ziritione.org, 100 runs: avg 30 ms (https://ziritione.org/post/apps_script_performance)',
  },
  propertiesSetMs: {
    value: 62,
    unit: 'ms',
    what: 'PropertiesService setProperty',
    source: 'ziritione.org, 100 runs: avg 62 ms (same page)',
  },
  cacheGetMs: {
    value: 23,
    unit: 'ms',
    what: 'CacheService get (getAll: one call)',
    source:
      'qiita.com/mitonattou919/items/a0fdd1a9e4559ee4a512: 13–28 ms, avg 23 ms with 100 KB values; ziritione.org measured 3 ms',
  },
  cachePutMs: {
    value: 93,
    unit: 'ms',
    what: 'CacheService put (putAll: one call)',
    source: 'ziritione.org: avg 93 ms; qiita.com (above): avg 57 ms',
  },
  otherServiceMs: {
    value: 30,
    unit: 'ms',
    what: 'any other service call that leaves the script (LockService tryLock/releaseLock, Session e-mail, getOwner)',
    source: 'ASSUMPTION: no public timing found; priced as a Properties get',
  },
  scriptRunMs: {
    value: 300,
    unit: 'ms',
    what: 'google.script.run round trip from the sidebar to the server and back, before and after the server work',
    source: 'ASSUMPTION: no public measurement found',
  },
  bundleMsPerKb: {
    value: 0.5,
    unit: 'ms per KB',
    what: "loading the project's code, which Apps Script does for every execution",
    source:
      'ASSUMPTION: no public figure; dist/Code.js size × this, and the same per KB of each on-demand module an ' +
      'action loads (its code is parsed when eval runs it)',
  },
  onDemandFileMs: {
    value: 30,
    unit: 'ms per module',
    what: 'reading an on-demand module file: HtmlService.createTemplateFromFile + getRawContent, once per execution',
    source: 'ASSUMPTION: no public timing of HtmlService file reads found; priced as a Properties get',
  },
} satisfies Record<string, CostConstant>;

/** What the estimate needs of one action's figures (main.ts ActionFigures). */
export interface CostInput {
  /** Requests with writes batched, steady runs. */
  requests: number;
  cellsRead: number;
  cellsWritten: number;
  byMethod: Record<string, number>;
  computeMedianMs: number;
  /** Bytes of each on-demand module (dist/onDemand_*.html) the action loaded; none for the everyday actions. */
  onDemandBytes?: readonly number[];
}

export interface CostEstimate {
  seconds: number;
  /** Seconds per part, for the README's breakdown. */
  /** `bundle`: loading code — Code.js, and the on-demand modules the action loaded (their file reads included). */
  parts: { requests: number; cells: number; services: number; compute: number; bundle: number; scriptRun: number };
}

function serviceMs(method: string): number | null {
  if (method === 'Properties.getProperty' || method === 'Properties.getProperties') return COSTS.propertiesGetMs.value;
  if (method === 'Properties.setProperty' || method === 'Properties.setProperties') return COSTS.propertiesSetMs.value;
  if (method.startsWith('Cache.get')) return COSTS.cacheGetMs.value;
  if (method.startsWith('Cache.put') || method.startsWith('Cache.remove')) return COSTS.cachePutMs.value;
  if (method.startsWith('Lock.') || method.startsWith('User.') || method === 'Spreadsheet.getOwner')
    return COSTS.otherServiceMs.value;
  return null;
}

/** Estimated seconds a user waits for one action on real Google (see COSTS). */
export function estimate(action: CostInput, bundleBytes: number): CostEstimate {
  let services = 0;
  for (const [method, count] of Object.entries(action.byMethod)) services += (serviceMs(method) ?? 0) * count;
  const parts = {
    requests: (action.requests * COSTS.sheetRequestMs.value) / 1000,
    cells: ((action.cellsRead + action.cellsWritten) * COSTS.cellMs.value) / 1000,
    services: services / 1000,
    compute: action.computeMedianMs / 1000,
    // Loading code: Code.js on every call, plus the file read and the code of each on-demand module loaded.
    bundle:
      ((bundleBytes / 1024) * COSTS.bundleMsPerKb.value +
        (action.onDemandBytes ?? []).reduce(
          (ms, bytes) => ms + COSTS.onDemandFileMs.value + (bytes / 1024) * COSTS.bundleMsPerKb.value,
          0,
        )) /
      1000,
    scriptRun: COSTS.scriptRunMs.value / 1000,
  };
  const seconds = Object.values(parts).reduce((a, b) => a + b, 0);
  return { seconds, parts };
}
