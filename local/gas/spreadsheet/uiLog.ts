/**
 * Host-side record of everything the add-on showed: menus (as data), sidebars and dialogs (title +
 * HTML), toasts and alerts. Tests and the preview server read it; alerts take their answers from a queue the
 * host fills (`respond`), defaulting to the first button of the set (OK for alert(prompt)). The event kinds the
 * Ui no longer records (submenus, modeless dialogs, prompts) stay in the types the preview reads.
 */
import type { ButtonKey } from './enums';

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; entries: MenuEntry[] };

export interface MenuRecord {
  /** Menu caption; for createAddonMenu() the add-on's name. */
  caption: string;
  addon: boolean;
  entries: MenuEntry[];
}

interface DialogFields {
  executionId: number;
  user: string;
  title: string;
  html: string;
  width: number;
  height: number;
}

export type UiEvent =
  | { kind: 'menu'; executionId: number; user: string; menu: MenuRecord }
  | { kind: 'sidebar'; executionId: number; user: string; title: string; html: string; width: number; height: number }
  | ({ kind: 'modalDialog' } & DialogFields)
  | ({ kind: 'modelessDialog' } & DialogFields)
  | { kind: 'toast'; executionId: number; user: string; message: string; title: string; timeoutSeconds: number }
  | {
      kind: 'alert';
      executionId: number;
      user: string;
      title: string;
      prompt: string;
      buttonSet: string;
      answer: ButtonKey;
    }
  | {
      kind: 'prompt';
      executionId: number;
      user: string;
      title: string;
      prompt: string;
      buttonSet: string;
      answer: ButtonKey;
      text: string;
    };

export interface ScriptedResponse {
  button?: ButtonKey;
}

export class UiLog {
  readonly events: UiEvent[] = [];
  /** Menus currently in the UI, by caption (adding a menu again replaces it). */
  readonly menus = new Map<string, MenuRecord>();
  private readonly responses: ScriptedResponse[] = [];

  constructor(
    /** Caption under which createAddonMenu() items appear (Extensions ▸ <name>). */
    readonly addonName = 'Pipeline CRM',
  ) {}

  /** Queue the answer of the next alert/prompt. */
  respond(response: ScriptedResponse): void {
    this.responses.push(response);
  }

  /** Next scripted answer (internal: used by the Ui stand-in). */
  takeResponse(): ScriptedResponse | undefined {
    return this.responses.shift();
  }

  record(event: UiEvent): void {
    this.events.push(event);
    if (event.kind === 'menu') this.menus.set(event.menu.caption, event.menu);
  }

  of<K extends UiEvent['kind']>(kind: K): Extract<UiEvent, { kind: K }>[] {
    return this.events.filter((e): e is Extract<UiEvent, { kind: K }> => e.kind === kind);
  }

  last<K extends UiEvent['kind']>(kind: K): Extract<UiEvent, { kind: K }> | undefined {
    const all = this.of(kind);
    return all[all.length - 1];
  }
}
