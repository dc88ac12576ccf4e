/**
 * The slice of the browser DOM the preview page uses, typed here because the project's tsconfig checks
 * local/ without the DOM lib (it clashes with @types/google-apps-script). Browser code imports `win`/`doc`
 * from this module instead of using globals.
 */

export type Listener<E = DomEvent> = (event: E) => void;

export interface DomEvent {
  readonly type: string;
  readonly target: unknown;
  preventDefault(): void;
  stopPropagation(): void;
}

export interface KeyEvent extends DomEvent {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/** A paste (Ctrl+V / Cmd+V): what the clipboard holds. */
export interface ClipEvent extends DomEvent {
  readonly clipboardData: { getData(type: string): string } | null;
}

export interface MsgEvent extends DomEvent {
  readonly data: unknown;
  readonly source: unknown;
}

export interface TokenList {
  add(...names: string[]): void;
  remove(...names: string[]): void;
  toggle(name: string, force?: boolean): boolean;
  contains(name: string): boolean;
}

export interface Style {
  setProperty(name: string, value: string | null): void;
  removeProperty(name: string): string;
  [property: string]: unknown;
}

export interface El {
  readonly tagName: string;
  readonly classList: TokenList;
  readonly style: Style;
  readonly dataset: Record<string, string | undefined>;
  readonly children: ArrayLike<El>;
  readonly parentElement: El | null;
  readonly offsetWidth: number;
  readonly offsetHeight: number;
  readonly offsetTop: number;
  readonly offsetLeft: number;
  id: string;
  className: string;
  textContent: string | null;
  hidden: boolean;
  title: string;
  tabIndex: number;
  scrollTop: number;
  scrollLeft: number;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  append(...nodes: Array<El | string>): void;
  appendChild(node: El): El;
  replaceChildren(...nodes: Array<El | string>): void;
  remove(): void;
  contains(other: unknown): boolean;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  addEventListener(type: string, listener: Listener, options?: boolean | { capture?: boolean; once?: boolean }): void;
  removeEventListener(type: string, listener: Listener, options?: boolean | { capture?: boolean }): void;
  focus(options?: { preventScroll?: boolean }): void;
  blur(): void;
  scrollIntoView(options?: { block?: string; inline?: string }): void;
  getBoundingClientRect(): { top: number; left: number; right: number; bottom: number; width: number; height: number };
}

export interface InputEl extends El {
  value: string;
  disabled: boolean;
  select(): void;
}

export interface SelectEl extends InputEl {
  readonly options: ArrayLike<El & { value: string; selected: boolean }>;
}

export interface ButtonEl extends El {
  disabled: boolean;
  type: string;
}

export interface CanvasEl extends El {
  getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } | null;
}

export interface FrameWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface IFrameEl extends El {
  srcdoc: string;
  readonly contentWindow: FrameWindow | null;
}

export interface Doc {
  readonly body: El;
  readonly activeElement: El | null;
  title: string;
  createElement(tag: 'input' | 'textarea'): InputEl;
  createElement(tag: 'select'): SelectEl;
  createElement(tag: 'button'): ButtonEl;
  createElement(tag: 'iframe'): IFrameEl;
  createElement(tag: 'canvas'): CanvasEl;
  createElement(tag: string): El;
  createElementNS(namespace: string, tag: string): El;
  getElementById(id: string): El | null;
  querySelector(selector: string): El | null;
  addEventListener(type: string, listener: Listener, options?: boolean | { capture?: boolean }): void;
}

export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** sessionStorage: kept per browser tab (and its reloads), not shared with other tabs. */
export interface TabStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Win {
  readonly parent: Win;
  readonly sessionStorage: TabStorage;
  readonly location: { readonly origin: string; reload(): void };
  addEventListener(type: 'message', listener: Listener<MsgEvent>): void;
  addEventListener(type: string, listener: Listener): void;
  postMessage(message: unknown, targetOrigin: string): void;
  fetch(
    url: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<FetchResponse>;
  setTimeout(handler: () => void, ms?: number): number;
  setInterval(handler: () => void, ms?: number): number;
  clearTimeout(id: number | undefined): void;
  requestAnimationFrame(handler: () => void): number;
}

const scope = globalThis as unknown as { window: Win; document: Doc };

export const win: Win = scope.window;
export const doc: Doc = scope.document;

/** An element with attributes and children; text children become text nodes (never parsed as HTML). */
export function el(
  tag: string,
  attrs: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Array<El | string | null | undefined | false>
): El {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}
