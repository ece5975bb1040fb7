// A small writer of XML elements for the notices: a tree of elements built as data, then written
// once, every text and attribute escaped. Absent parts (`undefined`, `false`, `null`) are left out,
// so a notice's structure reads like the standard's: an optional field is an optional child.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;
type Child = XmlNode | undefined | null | false | Child[];

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** An element: `el('cbc:ID', {schemeName: 'Lot'}, 'LOT-0001')`; attributes may be left out. */
export function el(
  name: string,
  attrsOrChild?: Record<string, string | undefined> | Child,
  ...rest: Child[]
) {
  const isAttrs =
    attrsOrChild !== null &&
    typeof attrsOrChild === 'object' &&
    !Array.isArray(attrsOrChild) &&
    !('name' in attrsOrChild && 'children' in attrsOrChild);
  const attrs: Record<string, string> = {};
  if (isAttrs)
    for (const [k, v] of Object.entries(attrsOrChild as Record<string, string | undefined>))
      if (v !== undefined) attrs[k] = v;
  const children = (isAttrs ? rest : [attrsOrChild as Child, ...rest]).flat(Infinity as 1) as Child[];
  return {
    name,
    attrs,
    children: children.filter((c): c is XmlNode => c !== undefined && c !== null && c !== false),
  } satisfies XmlElement;
}

/** An element only when its value is there: `maybe('cbc:Telephone', org.phone)`. */
export const maybe = (name: string, value: string | number | null | undefined, attrs = {}) =>
  value === null || value === undefined || value === '' ? undefined : el(name, attrs, String(value));

function write(node: XmlNode, out: string[], depth: number): void {
  if (typeof node === 'string') {
    out.push(escapeXml(node));
    return;
  }
  const pad = '\n' + '  '.repeat(depth);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (!node.children.length) {
    out.push(`${pad}<${node.name}${attrs}/>`);
    return;
  }
  out.push(`${pad}<${node.name}${attrs}>`);
  const text = node.children.every((c) => typeof c === 'string');
  for (const c of node.children) write(c, out, depth + 1);
  out.push(text ? `</${node.name}>` : `${pad}</${node.name}>`);
}

/** The document, with its XML declaration. */
export function xmlDocument(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, out, 0);
  return `${out.join('')}\n`;
}
