/**
 * SpreadsheetApp.getUi(): menus, sidebars, modal dialogs and alerts (what the product shows), recorded in the UiLog.
 * HTML outputs are used structurally (getContent/getTitle/getWidth/getHeight), so any
 * HtmlService stand-in's outputs work. Ui methods work in every auth mode (AuthMode.NONE too).
 */
import type { Ctx } from './context';
import { BUTTON, BUTTON_SET, type ButtonKey, type ButtonSetKey, type EnumValue, isEnumOf } from './enums';
import { checkArgs, signatureError } from './errors';
import type { MenuEntry } from './uiLog';
import type { GasEnum, GasSurface } from '../surface';

/** What the Ui needs of an HtmlOutput. */
export interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth?(): number | null;
  getHeight?(): number | null;
}

function isHtmlLike(v: unknown): v is HtmlLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as HtmlLike).getContent === 'function' &&
    typeof (v as HtmlLike).getTitle === 'function'
  );
}

const BUTTONS_OF: Record<ButtonSetKey, ButtonKey[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class MenuFake implements GasSurface<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addToUi'> {
  readonly gasTypeName = 'Menu';
  private readonly entries: MenuEntry[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly caption: string,
    private readonly addon: boolean,
  ) {}

  toString(): string {
    return 'Menu';
  }

  addItem(caption: unknown, functionName: unknown): MenuFake {
    this.ctx.count('Menu.addItem');
    checkArgs(arguments, 'Menu.addItem', 'ss');
    this.entries.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): MenuFake {
    this.ctx.count('Menu.addSeparator');
    checkArgs(arguments, 'Menu.addSeparator', '');
    this.entries.push({ kind: 'separator' });
    return this;
  }

  addToUi(): void {
    this.ctx.count('Menu.addToUi');
    const execution = this.ctx.runtime.execution();
    this.ctx.ui.record({
      kind: 'menu',
      executionId: execution.id,
      user: execution.user,
      menu: { caption: this.caption, addon: this.addon, entries: this.snapshot() },
    });
  }

  private snapshot(): MenuEntry[] {
    return JSON.parse(JSON.stringify(this.entries)) as MenuEntry[];
  }
}

type UiMethods = 'alert' | 'createAddonMenu' | 'createMenu' | 'showModalDialog' | 'showSidebar';

export class UiFake implements GasSurface<GoogleAppsScript.Base.Ui, UiMethods, 'alert'> {
  readonly gasTypeName = 'Ui';
  readonly Button: GasEnum<typeof GoogleAppsScript.Base.Button> = BUTTON;
  readonly ButtonSet: GasEnum<typeof GoogleAppsScript.Base.ButtonSet> = BUTTON_SET;

  constructor(private readonly ctx: Ctx) {}

  toString(): string {
    return 'Ui';
  }

  createMenu(caption: unknown): MenuFake {
    this.ctx.count('Ui.createMenu');
    checkArgs(arguments, 'Ui.createMenu', 's');
    return new MenuFake(this.ctx, String(caption), false);
  }

  createAddonMenu(): MenuFake {
    this.ctx.count('Ui.createAddonMenu');
    checkArgs(arguments, 'Ui.createAddonMenu', '');
    return new MenuFake(this.ctx, this.ctx.ui.addonName, true);
  }

  showSidebar(userInterface: unknown): void {
    this.ctx.count('Ui.showSidebar');
    if (arguments.length !== 1 || !isHtmlLike(userInterface)) throw signatureError(arguments, 'Ui.showSidebar');
    const e = this.ctx.runtime.execution();
    this.ctx.ui.record({
      kind: 'sidebar',
      executionId: e.id,
      user: e.user,
      title: userInterface.getTitle(),
      html: userInterface.getContent(),
      width: userInterface.getWidth?.() ?? 300,
      height: userInterface.getHeight?.() ?? 0,
    });
  }

  showModalDialog(userInterface: unknown, title: unknown): void {
    this.ctx.count('Ui.showModalDialog');
    if (arguments.length !== 2 || !isHtmlLike(userInterface) || typeof title !== 'string')
      throw signatureError(arguments, 'Ui.showModalDialog');
    const e = this.ctx.runtime.execution();
    this.ctx.ui.record({
      kind: 'modalDialog',
      executionId: e.id,
      user: e.user,
      title,
      html: userInterface.getContent(),
      width: userInterface.getWidth?.() ?? 600,
      height: userInterface.getHeight?.() ?? 400,
    });
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) → Button. */
  alert(a: unknown, b?: unknown, c?: unknown): EnumValue {
    this.ctx.count('Ui.alert');
    const { title, prompt, set } = this.dialogArgs('Ui.alert', arguments, a, b, c);
    const answer = this.answer(set);
    const e = this.ctx.runtime.execution();
    this.ctx.ui.record({ kind: 'alert', executionId: e.id, user: e.user, title, prompt, buttonSet: set, answer });
    return BUTTON[answer];
  }

  private dialogArgs(
    method: string,
    args: IArguments,
    a: unknown,
    b: unknown,
    c: unknown,
  ): { title: string; prompt: string; set: ButtonSetKey } {
    const n = args.length;
    const isSet = (v: unknown): v is EnumValue => isEnumOf(v, BUTTON_SET);
    if (n === 1 && typeof a === 'string') return { title: '', prompt: a, set: 'OK' };
    if (n === 2 && typeof a === 'string' && isSet(b)) return { title: '', prompt: a, set: b.key as ButtonSetKey };
    if (n === 3 && typeof a === 'string' && typeof b === 'string' && isSet(c))
      return { title: a, prompt: b, set: c.key as ButtonSetKey };
    throw signatureError(args, method);
  }

  private answer(set: ButtonSetKey): ButtonKey {
    const scripted = this.ctx.ui.takeResponse();
    const allowed = [...BUTTONS_OF[set], 'CLOSE' as ButtonKey];
    if (scripted?.button && !allowed.includes(scripted.button)) {
      throw new Error(`stand-in: scripted answer ${scripted.button} is not a button of ButtonSet.${set}`);
    }
    return scripted?.button ?? BUTTONS_OF[set][0] ?? 'OK';
  }
}
