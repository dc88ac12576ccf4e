/** HtmlService stand-in: project files, templates with escaping vs raw printing, the output's title and size. */
import { makeServices, thrown } from './setup';

const htmlFiles = {
  Sidebar: '<h1>Customers</h1>',
  Card: '<p title="<?= name ?>"><?= name ?></p><div><?!= name ?></div><script>var data = <?= data ?>;</script>',
  Loop: '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
  Include: '<style><?!= include("Styles") ?></style>',
  Missing: '<?= missing ?>',
};

describe('HtmlService', () => {
  it('creates outputs from project files and refuses a missing file with the real text', () => {
    const { globals } = makeServices({ htmlFiles });
    const output = globals.HtmlService.createTemplateFromFile('Sidebar')
      .evaluate()
      .setTitle('CRM')
      .setWidth(300)
      .setHeight(500);
    expect(output.getContent()).toBe('<h1>Customers</h1>');
    expect([output.getTitle(), output.getWidth(), output.getHeight()]).toEqual(['CRM', 300, 500]);
    const error = thrown(() => globals.HtmlService.createTemplateFromFile('Sidbar'));
    expect(error.message).toBe('No HTML file named Sidbar was found.');
    expect(error.name).toBe('Exception');
  });

  it('escapes <?= ?> (markup and quotes) but prints <?!= ?> raw', () => {
    const { globals } = makeServices({ htmlFiles });
    const template = globals.HtmlService.createTemplateFromFile('Card') as unknown as Record<string, unknown> & {
      evaluate(): { getContent(): string };
    };
    template.name = `<script>alert('x')</script>"`;
    template.data = { note: '</script><b>' };
    const html = template.evaluate().getContent();
    expect(html).toContain(
      '<p title="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;</p>',
    );
    expect(html).toContain(`<div><script>alert('x')</script>"</div>`);
    // Inside a <script>, the value is written as a JavaScript literal that cannot close the element.
    expect(html).toContain('<script>var data = {"note":"\\u003c/script\\u003e\\u003cb\\u003e"};</script>');
  });

  it('runs standard scriptlets with the template variables and the script globals in scope', () => {
    const { globals, host } = makeServices({ htmlFiles: { ...htmlFiles, Styles: 'b{}' } });
    const loop = globals.HtmlService.createTemplateFromFile('Loop') as unknown as Record<string, unknown> & {
      evaluate(): { getContent(): string };
    };
    loop.items = ['a', '<i>'];
    expect(loop.evaluate().getContent()).toBe('<ul><li>a</li><li>&lt;i&gt;</li></ul>');

    const scriptGlobals = {
      include: (name: string) => globals.HtmlService.createTemplateFromFile(name).evaluate().getContent(),
    };
    host.useRealm(scriptGlobals);
    expect(globals.HtmlService.createTemplateFromFile('Include').evaluate().getContent()).toBe('<style>b{}</style>');
    expect(thrown(() => globals.HtmlService.createTemplateFromFile('Missing').evaluate()).message).toMatch(
      /missing is not defined/,
    );
  });

  it('counts calls', () => {
    const { runtime, globals } = makeServices({ htmlFiles });
    globals.HtmlService.createTemplateFromFile('Sidebar').evaluate().setTitle('CRM');
    expect(runtime.calls.snapshot()).toEqual({
      'HtmlOutput.setTitle': 1,
      'HtmlService.createTemplateFromFile': 1,
      'HtmlTemplate.evaluate': 1,
    });
  });
});
