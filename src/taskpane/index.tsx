/**
 * The pane's entry in Excel: waits for Office.js, reads Office's display language and theme, and mounts
 * the App on the Excel host. Office.js itself comes from Microsoft's CDN (taskpane.html); this bundle must
 * not pull in the formula engine (src/engine, HyperFormula), which is for tests and the playground only.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { OfficeHost } from "../host/office";
import { App } from "./App";
import { languageFrom } from "./strings";
import { themeFrom } from "./theme";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const context = typeof Office !== "undefined" ? Office.context : undefined;
  const language = languageFrom(context?.displayLanguage);
  document.documentElement.lang = language === "sv" ? "sv-SE" : "en";
  createRoot(root).render(<App host={new OfficeHost()} language={language} theme={themeFrom(context?.officeTheme)} />);
});
