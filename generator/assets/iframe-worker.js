/* iframe-worker 1.0.4 (https://github.com/squidfunk/iframe-worker), vendored from the npm package
 * so the offline build needs no network. MIT License, Copyright (c) 2020-2022 Martin Donath.
 * It replaces Web Workers with an iframe when the site is opened from file://.
 *
 * Changed for Belajar ASN (docs/security.md): the original wrote an inline <script> into the iframe
 * to define postMessage/importScripts there; an about:blank iframe inherits the page's
 * Content-Security-Policy, which forbids inline scripts. Those globals are now set on the iframe's
 * window from here, and the worker's messages reach this object directly, so the iframe only loads
 * the worker file itself (allowed by script-src 'self'). */
"use strict";
(() => {
  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      const frame = document.createElement("iframe");
      frame.hidden = true;
      document.body.appendChild((this.iframe = frame));
      const w = this.w;
      w.document.open();
      w.postMessage = (data) => this.receive(data);  // the worker's postMessage: straight to this object
      w.importScripts = (...urls) => urls.reduce((done, src) => done.then(() => new Promise((resolve) => {
        const script = w.document.createElement("script");
        script.src = src;
        script.onload = resolve;
        w.document.body.appendChild(script);
      })), Promise.resolve());
      w.addEventListener("error", (event) => this.fail(event));
      const script = w.document.createElement("script");
      script.src = `${url}?${Date.now()}`;
      w.document.write("<html><body></body></html>");
      w.document.body.appendChild(script);
      w.document.close();
      this.ready = new Promise((resolve, reject) => {
        script.onload = resolve;
        script.onerror = reject;
      });
    }

    receive(data) {
      const event = new MessageEvent("message", { data: structuredClone(data) });
      this.dispatchEvent(event);
      if (this.onmessage) this.onmessage(event);
    }

    fail({ message, lineno, colno, error }) {
      const event = new ErrorEvent("error", { message, filename: this.url, lineno, colno, error });
      this.dispatchEvent(event);
      if (this.onerror) this.onerror(event);
    }

    terminate() {
      this.iframe.remove();
    }

    postMessage(data) {
      this.ready.catch(() => {}).then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
