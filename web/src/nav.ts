// Navigation: every change of view state goes through go(), which writes the URL (so the back
// button and shared links work) and renders.
import { parseState, stateUrl, type State } from './state';

let current: State = parseState(window.location.search);
let renderFn: (s: State, prev: State | null) => void = () => {};

export function state(): State {
  return current;
}

export function onRender(fn: (s: State, prev: State | null) => void): void {
  renderFn = fn;
}

export function go(patch: Partial<State>, push = true): void {
  const prev = current;
  current = { ...current, ...patch };
  const target = stateUrl(current);
  if (push) window.history.pushState(null, '', target);
  else window.history.replaceState(null, '', target);
  renderFn(current, prev);
}

export function reload(): void {
  const prev = current;
  current = parseState(window.location.search);
  renderFn(current, prev);
}

// A link to a state: a real href (open in a new tab, copy) that navigates in place when clicked.
export function link(patch: Partial<State>, ...children: (Node | string)[]): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = stateUrl({ ...current, ...patch });
  a.append(...children);
  a.addEventListener('click', (ev) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    go(patch);
  });
  return a;
}
