import { LitElement } from 'lit';

/** A Lit element that renders into the light DOM, so that the global themes and tests reach it. */
export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}
