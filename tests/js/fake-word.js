// A small Word document model behind office-addin-mock proxies, for testing word.js in node.
//
// It keeps the rules of the real Word JavaScript API that word.js depends on:
// - a property can be read only after load() and context.sync() (office-addin-mock's rule);
// - a collection's `items` and a ClientResult's `value` exist only after a sync;
// - writes (method calls and property sets) are queued and reach the document only at sync;
// - customXmlParts.add and setXml refuse XML that is not well formed.
// It counts context.sync calls, so tests can hold word.js to its sync budget.

import { DOMParser } from "@xmldom/xmldom";
import { OfficeMockObject } from "office-addin-mock";

const NOT_READY = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);
const WRITABLE = ["tag", "title", "styleBuiltIn"];

function parseXml(xml) {
  const errors = [];
  const document = new DOMParser({ onError: (level, message) => errors.push(message) })
    .parseFromString(xml, "application/xml");
  if (errors.length || !document.documentElement) {
    throw new Error(`GeneralException: the XML is not well formed (${errors[0] ?? "empty"})`);
  }
  return document;
}

function notYet(what) {
  throw new Error(`${what} is not available: call load() and context.sync() first`);
}

export class FakeWord {
  /**
   * blocks: the body, in order: {kind: "paragraph", text, style} or
   *         {kind: "control", tag, title, text} (a block-level content control).
   * parts:  custom XML parts: {id, xml}.
   */
  constructor({ blocks = [], parts = [] } = {}) {
    this.blocks = blocks.map((block) => ({ style: "Normal", ...block }));
    this.parts = parts.map((part) => ({ ...part, namespace: this.namespaceOf(part.xml) }));
    this.syncs = 0;
    this.partIds = parts.length;
  }

  namespaceOf(xml) {
    return parseXml(xml).documentElement.namespaceURI ?? "";
  }

  controls(tag) {
    return this.blocks.filter((block) => block.kind === "control" && (!tag || block.tag === tag));
  }

  /** The body as text lines, headings marked with '#', controls as [tag] text. */
  outline() {
    return this.blocks.map((block) =>
      block.kind === "control"
        ? `[${block.tag}|${block.title}] ${block.text}`
        : `${block.style === "Heading2" ? "# " : ""}${block.text}`,
    );
  }

  /** Word.run: a new request context per batch; returns what the action returns. */
  async run(action) {
    const context = new FakeContext(this);
    const before = this.syncs;
    const value = await action(context.proxy);
    if (context.queue.length) {
      throw new Error("The batch ended with writes queued and never synced");
    }
    return { value, syncs: this.syncs - before };
  }
}

class FakeContext {
  constructor(word) {
    this.word = word;
    this.queue = []; // writes, in order
    this.loads = []; // collections and results to fill at the next sync
    this.proxies = []; // objects whose writable properties may be set
    const context = this;
    this.proxy = new OfficeMockObject(
      {
        document: {
          customXmlParts: {
            getByNamespace: (namespace) =>
              context.collection(() => word.parts.filter((p) => p.namespace === namespace), "part"),
            add: (xml) => {
              const part = { id: null, xml, namespace: null };
              context.queue.push(() => {
                part.namespace = word.namespaceOf(xml);
                word.partIds += 1;
                part.id = `{part-${word.partIds}}`;
                word.parts.push(part);
              });
              return context.partProxy(part);
            },
          },
          body: {
            insertParagraph: (text, where) => {
              if (!["Start", "End"].includes(where)) throw new Error(`InvalidArgument: ${where}`);
              const ref = { block: null };
              context.queue.push(() => {
                ref.block = { kind: "paragraph", text, style: "Normal" };
                if (where === "Start") word.blocks.unshift(ref.block);
                else word.blocks.push(ref.block);
              });
              return context.blockProxy(ref);
            },
          },
        },
      },
      "word",
    );
    this.proxy.document.contentControls = this.collection(() => word.controls(), "control", {
      getByTag: (tag) => this.collection(() => word.controls(tag), "control"),
    });
    this.proxy.sync = () => this.sync();
  }

  /** A collection whose items exist after load + sync. */
  collection(find, kind, methods = {}) {
    let items = null;
    const collection = new OfficeMockObject(methods, "word");
    const context = this;
    collection.load = (spec) => {
      const fields = String(spec)
        .split(",")
        .map((field) => field.trim().replace(/^items\//, ""));
      context.loads.push(() => {
        items = find().map((target) =>
          kind === "part" ? context.partProxy(target) : context.loadedControl(target, fields),
        );
      });
      return collection;
    };
    Object.defineProperty(collection, "items", {
      get: () => items ?? notYet("items"),
    });
    return collection;
  }

  loadedControl(block, fields) {
    const values = {};
    for (const field of ["tag", "title", "text"]) {
      values[field] = field === "text" ? block.text.replace(/\n/g, "\r") : block[field];
    }
    const proxy = this.blockProxy({ block }, values);
    proxy.load(fields.join(","));
    proxy.sync(); // office-addin-mock: the loaded properties become readable
    proxy.seen = { tag: block.tag, title: block.title };
    return proxy;
  }

  blockProxy(ref, values = { tag: "", title: "", text: "", styleBuiltIn: "" }) {
    const context = this;
    const word = this.word;
    const where = () => {
      const index = word.blocks.indexOf(ref.block);
      if (index < 0) throw new Error("ItemNotFound: the object is no longer in the document");
      return index;
    };
    const proxy = new OfficeMockObject(
      {
        ...values,
        insertParagraph(text, location) {
          if (!["Before", "After"].includes(location)) throw new Error(`InvalidArgument`);
          const created = { block: null };
          context.queue.push(() => {
            created.block = { kind: "paragraph", text, style: "Normal" };
            word.blocks.splice(where() + (location === "After" ? 1 : 0), 0, created.block);
          });
          return context.blockProxy(created);
        },
        insertContentControl() {
          const created = { block: null };
          context.queue.push(() => {
            Object.assign(ref.block, { kind: "control", tag: "", title: "" });
            created.block = ref.block;
          });
          return context.blockProxy(created);
        },
        insertText(text, location) {
          if (location !== "Replace") throw new Error("This fake knows Replace only");
          context.queue.push(() => {
            where();
            ref.block.text = text;
          });
        },
        delete(keepContent) {
          context.queue.push(() => {
            const index = where();
            if (keepContent) Object.assign(ref.block, { kind: "paragraph" });
            else word.blocks.splice(index, 1);
          });
        },
      },
      "word",
    );
    proxy.ref = ref;
    proxy.seen = {};
    this.proxies.push(proxy);
    return proxy;
  }

  partProxy(part) {
    const context = this;
    const word = this.word;
    const proxy = new OfficeMockObject(
      {
        getXml() {
          let value = null;
          let ready = false;
          context.loads.push(() => {
            value = part.xml;
            ready = true;
          });
          return {
            get value() {
              return ready ? value : notYet("ClientResult.value");
            },
          };
        },
        setXml(xml) {
          context.queue.push(() => {
            parseXml(xml);
            part.xml = xml;
          });
        },
        delete() {
          context.queue.push(() => {
            word.parts.splice(word.parts.indexOf(part), 1);
          });
        },
      },
      "word",
    );
    return proxy;
  }

  async sync() {
    this.word.syncs += 1;
    const queue = this.queue.splice(0);
    for (const write of queue) write();
    for (const proxy of this.proxies) {
      if (!proxy.ref.block) continue;
      for (const field of WRITABLE) {
        const value = proxy[field];
        if (typeof value !== "string" || NOT_READY.has(value) || value === proxy.seen[field]) {
          continue;
        }
        if (field === "styleBuiltIn") proxy.ref.block.style = value;
        else proxy.ref.block[field] = value;
        proxy.seen[field] = value;
      }
    }
    for (const load of this.loads.splice(0)) load();
  }
}
