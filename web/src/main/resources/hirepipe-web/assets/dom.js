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

// question-service renders the Markdown prompt and sanitises it with an allow-list; parsing it here
// runs no script, and event-handler attributes and script-like elements are dropped once more before
// the nodes enter the page. Sessions from before Markdown prompts have only the plain prompt.
const UNSAFE_PROMPT_ELEMENTS = 'script, style, iframe, object, embed, link, meta, base, form, img, svg';

export function promptContent(question) {
  if (!question.promptHtml) return h('p', {}, question.prompt);
  const parsed = new DOMParser().parseFromString(question.promptHtml, 'text/html');
  parsed.querySelectorAll(UNSAFE_PROMPT_ELEMENTS).forEach((element) => element.remove());
  parsed.querySelectorAll('*').forEach((element) => {
    for (const attribute of [...element.attributes]) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.name.startsWith('on') || value.startsWith('javascript:') || value.startsWith('data:')) {
        element.removeAttribute(attribute.name);
      }
    }
  });
  return [...parsed.body.childNodes];
}
