/**
 * HtmlTemplate.getRawContent: how the add-on reads its on-demand modules (project .html files holding JavaScript).
 * Google's reference (https://developers.google.com/apps-script/reference/html/html-template#getRawContent()):
 * "Returns the unprocessed content of this template." The same page, on getCode(): "Calling eval(<code>) will
 * return a new HtmlOutput object with the contents of the template after running all embedded server scripts." —
 * eval is available to Apps Script code. The reference is silent on the error for a missing file and on extra
 * arguments: the stand-in throws for both (the stricter case); a missing file's text is the one real runs show.
 */
import vm from 'node:vm';
import { makeServices, thrown } from './setup';

const MODULE = 'var onDemand_demo = { twice: function (n) { return n * 2; } };\n// <?= not a scriptlet here ?>\n';
const htmlFiles = { onDemand_demo: MODULE, Page: '<b><?= 1 + 1 ?></b>' };

describe('HtmlTemplate.getRawContent', () => {
  it('returns the file as stored: scriptlets untouched, nothing evaluated', () => {
    const { globals } = makeServices({ htmlFiles });
    expect(globals.HtmlService.createTemplateFromFile('onDemand_demo').getRawContent()).toBe(MODULE);
    expect(globals.HtmlService.createTemplateFromFile('Page').getRawContent()).toBe('<b><?= 1 + 1 ?></b>');
    // The same file evaluated runs its scriptlets: the raw content is the other thing.
    expect(globals.HtmlService.createTemplateFromFile('Page').evaluate().getContent()).toBe('<b>2</b>');
  });

  it('gives JavaScript that an indirect eval in the script realm runs, defining its one global', () => {
    const { globals } = makeServices({ htmlFiles });
    const realm = vm.createContext({ HtmlService: globals.HtmlService });
    const twice = vm.runInContext(
      "globalThis.eval(HtmlService.createTemplateFromFile('onDemand_demo').getRawContent()); onDemand_demo.twice(21)",
      realm,
    );
    expect(twice).toBe(42);
  });

  it('refuses a missing file (reference silent: throws, with the text real runs show) and any argument', () => {
    const { globals } = makeServices({ htmlFiles });
    const missing = thrown(() => globals.HtmlService.createTemplateFromFile('onDemand_gone').getRawContent());
    expect([missing.name, missing.message]).toEqual(['Exception', 'No HTML file named onDemand_gone was found.']);
    const template = globals.HtmlService.createTemplateFromFile('onDemand_demo') as unknown as {
      getRawContent(...args: unknown[]): string;
    };
    expect(thrown(() => template.getRawContent('x')).message).toBe(
      "The parameters (String) don't match the method signature for HtmlService.HtmlTemplate.getRawContent.",
    );
  });

  it('counts the file read and the raw read, as the bench prices them', () => {
    const { runtime, globals } = makeServices({ htmlFiles });
    globals.HtmlService.createTemplateFromFile('onDemand_demo').getRawContent();
    expect(runtime.calls.snapshot()).toEqual({
      'HtmlService.createTemplateFromFile': 1,
      'HtmlTemplate.getRawContent': 1,
    });
  });
});
