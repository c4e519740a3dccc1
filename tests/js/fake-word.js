// A small Word document model behind office-addin-mock proxies, for testing word.js in node.
//
// It keeps the rules of the real Word JavaScript API that word.js depends on:
// - a property can be read only after load() and context.sync() (office-addin-mock's rule);
// - a collection's `items` and a ClientResult's `value` exist only after a sync;
// - writes (method calls and property sets) are queued and reach the document only at sync;
// - customXmlParts.add and setXml refuse XML that is not well formed.
// - getFirst() and getOnlyItem() fail the batch at sync when the item is missing (or, for
//   getOnlyItem, when there are several), and Word keeps what ran before the failing command.
// It counts context.sync calls (and failed ones), so tests hold word.js to its sync budget.

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

function officeError(code, message) {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** A reference to a document object that Word resolves only when the batch runs. */
function lazy(find, what) {
  return {
    get block() {
      const found = find();
      if (found.length === 0) throw officeError("ItemNotFound", `no ${what}`);
      return found[0];
    },
  };
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
    return { value, syncs: this.syncs - before, failed: context.failures };
  }
}

class FakeContext {
  constructor(word) {
    this.word = word;
    this.queue = []; // writes, in order
    this.loads = []; // collections and results to fill at the next sync
    this.proxies = []; // objects whose writable properties may be set
    this.batch = 0; // how many syncs this context has made
    this.failures = 0;
    const context = this;
    this.proxy = new OfficeMockObject(
      {
        document: {
          customXmlParts: {
            getByNamespace: (namespace) => {
              const find = () => word.parts.filter((part) => part.namespace === namespace);
              return context.collection(find, "part", {
                getOnlyItem: () =>
                  context.partProxy({
                    get part() {
                      const found = find();
                      if (found.length !== 1) {
                        throw officeError("InvalidArgument", `${found.length} parts, not one`);
                      }
                      return found[0];
                    },
                  }),
              });
            },
            add: (xml) => {
              const part = { id: null, xml, namespace: null };
              context.queue.push(() => {
                part.namespace = word.namespaceOf(xml);
                word.partIds += 1;
                part.id = `{part-${word.partIds}}`;
                word.parts.push(part);
              });
              return context.partProxy({ part });
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
      getByTag: (tag) =>
        this.collection(() => word.controls(tag), "control", {
          getFirst: () => this.blockProxy(lazy(() => word.controls(tag), `control ${tag}`)),
        }),
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
          kind === "part" ? context.partProxy({ part: target }) : context.loadedControl(target, fields),
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
    proxy.batch = this.batch;
    this.proxies.push(proxy);
    return proxy;
  }

  partProxy(ref) {
    const context = this;
    const word = this.word;
    const proxy = new OfficeMockObject(
      {
        getXml() {
          let value = null;
          let ready = false;
          context.loads.push(() => {
            value = ref.part.xml;
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
            const part = ref.part;
            parseXml(xml);
            part.xml = xml;
          });
        },
        delete() {
          context.queue.push(() => {
            word.parts.splice(word.parts.indexOf(ref.part), 1);
          });
        },
      },
      "word",
    );
    return proxy;
  }

  async sync() {
    this.word.syncs += 1;
    this.batch += 1;
    const queue = this.queue.splice(0);
    const loads = this.loads.splice(0);
    try {
      for (const write of queue) write();
      this.applyProperties();
      for (const load of loads) load();
    } catch (error) {
      // Word stops the batch at the failing command; what ran before it stays done.
      this.failures += 1;
      for (const proxy of this.proxies) {
        if (proxy.batch === this.batch - 1) proxy.dead = true;
        for (const field of WRITABLE) proxy.seen[field] = proxy[field];
      }
      throw error;
    }
  }

  applyProperties() {
    for (const proxy of this.proxies) {
      if (proxy.dead) continue;
      for (const field of WRITABLE) {
        const value = proxy[field];
        if (typeof value !== "string" || NOT_READY.has(value) || value === proxy.seen[field]) {
          continue;
        }
        const block = proxy.ref.block;
        if (!block) continue; // made by a command that has not run
        if (field === "styleBuiltIn") block.style = value;
        else block[field] = value;
        proxy.seen[field] = value;
      }
    }
  }
}
