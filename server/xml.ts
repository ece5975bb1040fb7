import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
// An XML document (an eForms notice, an ESPD) is first a tree of plain data — elements, their attributes and children — then written
// once by a real XML builder. Absent parts (`undefined`, `false`, `null`) are left out, so that a
// notice's structure reads like the standard's: an optional field is an optional child.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;
type Child = XmlNode | undefined | null | false | Child[];

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

/** The document, with its XML declaration, written by xmlbuilder2 (which escapes every text and attribute). */
export function xmlDocument(root: XmlElement): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const add = (parent: XMLBuilder, node: XmlElement) => {
    const element = parent.ele(node.name, node.attrs);
    for (const child of node.children) {
      if (typeof child === 'string') element.txt(child);
      else add(element, child);
    }
  };
  add(doc, root);
  return `${doc.end({ prettyPrint: true })}\n`;
}
