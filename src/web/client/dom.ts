// Building the pages from text: every element is made here and every string goes in as a text node,
// never as HTML, so a notice holding <script> shows as those characters (issue 15, safety).
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/u, ''), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

/** Text with the [start, end) span wrapped in <mark>. */
export function marked(text: string, span?: [number, number]): DocumentFragment {
  const f = document.createDocumentFragment();
  if (!span) {
    f.append(text);
    return f;
  }
  f.append(text.slice(0, span[0]), h('mark', {}, text.slice(span[0], span[1])), text.slice(span[1]));
  return f;
}

let seq = 0;
/** A fresh id for tying a label to its field. */
export function uid(prefix: string): string {
  return `${prefix}-${++seq}`;
}

/** A labelled field: the label element and the control, tied by id. */
export function field(label: string, control: HTMLElement): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** Says something to screen readers and shows it in the page's status line. */
export function announce(text: string): void {
  const live = document.getElementById('live');
  if (live) live.textContent = text;
}
