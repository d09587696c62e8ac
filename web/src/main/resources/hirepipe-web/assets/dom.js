// Builds DOM nodes without innerHTML: question text is someone else's content and stays text.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of `container`. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

/** Text with blank-line separated paragraphs, as paragraphs. */
export function paragraphs(text) {
  return String(text).split(/\n\s*\n/).map((part) => h('p', {}, part.trim())).filter((p) => p.textContent);
}

export function clockTime(iso) {
  const date = iso ? new Date(iso) : new Date();
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
