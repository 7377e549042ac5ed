// What every page is built with: a small element builder and the badges and notices pages share.

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children)
    node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  return node;
}

export function statusBadge(status) {
  return element('span', { class: `status ${status}` }, status);
}

/** A line under a table saying what went wrong or what was done. */
export function notice(id) {
  return element('p', { id, class: 'notice', role: 'status' });
}
