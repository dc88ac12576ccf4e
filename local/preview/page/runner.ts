/**
 * `google.script` inside a sidebar or dialog of the preview (put in front of the add-on's own HTML): the shared
 * page side of the boundary (local/bundle/googleScript.ts) over postMessage to the page — the frame is sandboxed
 * in its own origin, as Apps Script's are — which runs each call on the server (/api/run) and posts its reply back.
 */

import { type RunReply, installGoogleScript } from '../../bundle/googleScript';
import type { FrameToPage, PageToFrame } from '../protocol';
import { win } from './dom';

let nextId = 1;
const pending = new Map<number, (reply: RunReply) => void>();

function post(message: FrameToPage): void {
  win.parent.postMessage(message, '*');
}

win.addEventListener('message', (event) => {
  if (event.source !== win.parent) return;
  const data = event.data as PageToFrame | null;
  if (!data || typeof data !== 'object' || data.source !== 'gas-preview' || data.type !== 'result') return;
  const answer = pending.get(data.id);
  pending.delete(data.id);
  answer?.(data);
});

installGoogleScript({
  run: (fn, args) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      post({ source: 'gas-preview', type: 'run', id, fn, args });
    }),
  host: (request) => post({ source: 'gas-preview', ...request }),
});
