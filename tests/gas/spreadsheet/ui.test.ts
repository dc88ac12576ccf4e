/** Ui: menus, sidebars, dialogs, alerts with scripted answers, toasts — all in the UiLog. */
import { STAFF, setup } from './helpers';

const html = (content: string, title = '', width = 300, height = 200) => ({
  getContent: () => content,
  getTitle: () => title,
  getWidth: () => width,
  getHeight: () => height,
});

describe('Ui', () => {
  it('records menus as data (items, separators); adding again replaces', () => {
    const { app, ui, runtime } = setup();
    runtime.run(STAFF, () => {
      const u = app.getUi();
      u.createMenu('CRM')
        .addItem('Register customer', 'openRegister')
        .addSeparator()
        .addItem('Set up / repair', 'setUpCrm')
        .addToUi();
      u.createMenu('CRM').addItem('Search customers', 'openSearch').addToUi();
    });
    expect(ui.of('menu')).toHaveLength(2);
    expect(ui.menus.get('CRM')).toEqual({
      caption: 'CRM',
      addon: false,
      entries: [{ kind: 'item', caption: 'Search customers', functionName: 'openSearch' }],
    });
    expect(ui.of('menu')[0]!.menu.entries).toEqual([
      { kind: 'item', caption: 'Register customer', functionName: 'openRegister' },
      { kind: 'separator' },
      { kind: 'item', caption: 'Set up / repair', functionName: 'setUpCrm' },
    ]);
    expect(ui.of('menu')[0]!.user).toBe(STAFF);
  });

  it('records sidebars and dialogs with their html, title and size', () => {
    const { app, ui } = setup();
    app.getUi().showSidebar(html('<p>side</p>', 'Customer'));
    app.getUi().showModalDialog(html('<p>search</p>', 'ignored', 640, 480), 'Search');
    expect(ui.last('sidebar')).toMatchObject({ title: 'Customer', html: '<p>side</p>', width: 300 });
    expect(ui.last('modalDialog')).toMatchObject({ title: 'Search', html: '<p>search</p>', width: 640, height: 480 });
    expect(() => app.getUi().showSidebar('<p>raw</p>')).toThrow(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
  });

  it('answers alerts from the scripted queue, defaulting to the first button', () => {
    const { app, ui } = setup();
    const u = app.getUi();
    expect(u.alert('Saved')).toBe(u.Button.OK);
    expect(u.alert('Delete?', 'Really?', u.ButtonSet.YES_NO)).toBe(u.Button.YES);
    ui.respond({ button: 'NO' });
    expect(u.alert('Delete?', 'Really?', u.ButtonSet.YES_NO)).toBe(u.Button.NO);
    ui.respond({ button: 'YES' });
    expect(() => u.alert('x', u.ButtonSet.OK)).toThrow('stand-in: scripted answer YES is not a button of ButtonSet.OK');
    expect(ui.of('alert').map((a) => [a.title, a.prompt, a.buttonSet, a.answer])).toEqual([
      ['', 'Saved', 'OK', 'OK'],
      ['Delete?', 'Really?', 'YES_NO', 'YES'],
      ['Delete?', 'Really?', 'YES_NO', 'NO'],
    ]);
    expect(String(u.Button.OK)).toBe('OK');
  });

  it('records toasts from the spreadsheet', () => {
    const { ss, ui } = setup();
    ss.toast('Saved');
    ss.toast('Rebuilt', 'Pipeline', 10);
    expect(ui.of('toast').map((t) => [t.message, t.title, t.timeoutSeconds])).toEqual([
      ['Saved', '', 5],
      ['Rebuilt', 'Pipeline', 10],
    ]);
  });
});
